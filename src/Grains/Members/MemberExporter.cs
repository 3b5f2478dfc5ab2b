using System.Collections.Immutable;
using System.Text.Json;
using Loyalty.Domain;
using Loyalty.Grains.Interfaces;
using Loyalty.Grains.Interfaces.Challenges;
using Loyalty.Grains.Interfaces.DeadLetters;
using Loyalty.Grains.Interfaces.Leaderboards;
using Loyalty.Grains.Interfaces.Members;
using Loyalty.Grains.Interfaces.Notifications;
using Loyalty.Grains.Members.Storage;

namespace Loyalty.Grains.Members;

/// <summary>
/// Gathers everything held on a member for their own copy: the stored form of the state (so no stored field can be
/// missed), the whole kept ledger, their standings on every kept board, and what the outbox, the dead letters and
/// the challenges hold about them. Reads only.
/// </summary>
internal sealed class MemberExporter(IGrainFactory grains, MemberLedger ledger, int notificationSlices, string programId, string memberId)
{
    private const int LedgerPageSize = 1_000;

    private static readonly JsonSerializerOptions StoredForm = new(JsonSerializerDefaults.Web);

    public async Task<MemberRecord> Export(MemberAccount account, MemberSnapshot view, ProgramRules rules)
    {
        var challengeIds = MemberBoards.ChallengeIds(account, rules);
        var boards = Task.WhenAll(MemberBoards.Keys(programId, account, challengeIds).Select(Standing));
        var queued = grains.GetGrain<INotificationOutboxGrain>(
            GrainKeys.NotificationOutbox(programId, StableBucket.Of(memberId, notificationSlices))).QueuedFor(memberId);
        var deadLetters = grains.GetGrain<IDeadLetterGrain>(programId).ForMember(memberId);
        var completions = Task.WhenAll(challengeIds.Select(id =>
            grains.GetGrain<IChallengeGrain>(GrainKeys.Challenge(programId, id)).CompletionOf(memberId)));
        var referral = account.Referral;
        return new MemberRecord(
            JsonSerializer.Serialize(account.ToStored(), StoredForm),
            view,
            await WholeLedger(account),
            [.. (await boards).OfType<BoardStanding>().OrderBy(s => s.Board, StringComparer.Ordinal).ThenBy(s => s.Period, StringComparer.Ordinal)],
            await queued,
            await deadLetters,
            [.. (await completions).OfType<ChallengeCompletion>()],
            new ReferralRecord(referral.Code, referral.ReferredBy, referral.QualifiedAt, [.. referral.CreditedReferees.Order(StringComparer.Ordinal)]),
            [.. account.Redemptions.ById.Keys.Order(StringComparer.Ordinal).Select(id => MemberRedemptionFlow.Find(account, id)!)]);
    }

    private async Task<ImmutableArray<LedgerLine>> WholeLedger(MemberAccount account)
    {
        var lines = ImmutableArray.CreateBuilder<LedgerLine>();
        while (true)
        {
            var page = await ledger.Page(account, lines.Count, LedgerPageSize);
            lines.AddRange(page.Entries);
            if (page.Entries.Length < LedgerPageSize)
            {
                return lines.ToImmutable();
            }
        }
    }

    private async Task<BoardStanding?> Standing(MemberBoards.Key board) =>
        await grains.GetGrain<ILeaderboardGrain>(board.GrainKey).Standing(memberId, 0) is { } standing
            ? new BoardStanding(board.Board, board.Period, standing.Rank, standing.Score)
            : null;
}
