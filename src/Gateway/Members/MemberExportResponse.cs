using System.Text.Json;
using Loyalty.Gateway.Challenges;
using Loyalty.Gateway.DeadLetters;
using Loyalty.Gateway.Rewards;
using Loyalty.Grains.Interfaces.Members;

namespace Loyalty.Gateway.Members;

/// <summary>
/// Everything the program holds on one member, as the member is entitled to receive it. <see cref="State"/> is the
/// member as stored, field for field, including the event ids it still remembers and the purchases a return may name;
/// the other fields are the same data read the way the API shows it, plus what other parts of the program hold.
/// </summary>
public sealed record MemberExportResponse(
    string ProgramId,
    string MemberId,
    DateTimeOffset ExportedAt,
    MemberResponse Member,
    ProfileResponse Profile,
    ReferralExportResponse Referral,
    IReadOnlyList<RedemptionResponse> Redemptions,
    IReadOnlyList<LedgerEntryResponse> Ledger,
    IReadOnlyList<BoardStandingResponse> Boards,
    NotificationsExportResponse Notifications,
    IReadOnlyList<ChallengeCompletionResponse> ChallengeCompletions,
    IReadOnlyList<DeadLetterResponse> DeadLetters,
    JsonElement State)
{
    public static MemberExportResponse From(string programId, MemberRecord record, DateTimeOffset exportedAt)
    {
        using var state = JsonDocument.Parse(record.StoredState);
        return new(
            programId,
            record.View.MemberId,
            exportedAt,
            MemberResponse.From(record.View),
            new ProfileResponse(record.View.BirthDate),
            new ReferralExportResponse(record.Referral.Code, record.Referral.ReferredBy, record.Referral.QualifiedAt, record.Referral.CreditedReferees),
            [.. record.Redemptions.Select(RedemptionResponse.From)],
            [.. record.Ledger.Select(LedgerEntryResponse.From)],
            [.. record.Boards.Select(b => new BoardStandingResponse(b.Board, b.Period, b.Rank, b.Score))],
            new NotificationsExportResponse(
                [.. record.View.Notifications.Select(NotificationResponse.From)],
                [.. record.QueuedNotifications.Select(NotificationResponse.From)]),
            [.. record.ChallengeCompletions.Select(ChallengeCompletionResponse.From)],
            [.. record.DeadLetters.Select(DeadLetterResponse.From)],
            state.RootElement.Clone());
    }
}

public sealed record ProfileResponse(DateOnly? BirthDate);

/// <summary>The member's code, who referred them and when they qualified, and the referees credited to them.</summary>
public sealed record ReferralExportResponse(string? Code, string? ReferredBy, DateTimeOffset? QualifiedAt, IReadOnlyList<string> CreditedReferees);

/// <summary>The member's rank and score on one board in one period.</summary>
public sealed record BoardStandingResponse(string Board, string Period, int Rank, long Score);

/// <summary>The newest notifications the member view keeps, and those still queued for the program's webhooks.</summary>
public sealed record NotificationsExportResponse(IReadOnlyList<NotificationResponse> Recent, IReadOnlyList<NotificationResponse> Queued);
