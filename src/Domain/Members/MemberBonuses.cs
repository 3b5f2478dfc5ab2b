namespace Loyalty.Domain;

/// <summary>
/// Bonus points and what earns them (badges, surprises, birthdays, referrals, challenge rewards): available at once,
/// counted as earned, on the points board, with a bonus ledger entry and news where there is some.
/// </summary>
internal sealed class MemberBonuses(MemberAccount account)
{
    /// <summary>Gives every surprise whose milestone is now reached, once, at the time of the event that reached it.</summary>
    public void GiveSurprises(ProgramConfig config, TimeZoneInfo zone, DateTimeOffset at, DateTimeOffset now)
    {
        foreach (var surprise in account.Badges.GiveSurprises(config, account.Purchases, account.Points.LifetimeEarned, at))
        {
            Credit(surprise.BonusPoints, $"surprise {surprise.Id}", config, zone, at, now);
            if (surprise.UpgradeTo is { } tier)
            {
                account.Tier.Grant(config.Tiers, tier, at); // announced by Apply with any other change of tier
            }
        }
    }

    /// <summary>Awards every badge whose goal is now met, once, at the time of the event that met it.</summary>
    public void AwardBadges(ProgramConfig config, TimeZoneInfo zone, DateTimeOffset at, DateTimeOffset now)
    {
        foreach (var badge in BadgeAwards.Due(account, config).ToList())
        {
            account.Badges.Award(badge.Id, at);
            account.News.Notify(NotificationKind.BadgeEarned, at, badge: badge.Id);
            Credit(badge.BonusPoints, $"badge {badge.Id}", config, zone, at, now);
        }
    }

    /// <summary>This year's birthday bonus, once the birthday has begun in the program's zone. True if it was credited.</summary>
    public bool CreditBirthday(ProgramConfig config, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (account.Badges.TakeBirthday(config, zone, now) is not { } birthday)
        {
            return false;
        }

        Credit(config.Birthday!.BonusPoints, $"birthday {birthday.Year}", config, zone, birthday.At, now);
        return true;
    }

    /// <summary>The referee's bonus, on their first qualifying purchase.</summary>
    public void QualifyReferral(Purchase purchase, ProgramConfig config, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (account.Referral.Qualify(purchase, config.Referrals))
        {
            Credit(config.Referrals!.RefereeBonusPoints, $"referred by {account.Referral.ReferredBy}", config, zone, purchase.OccurredAt, now);
        }
    }

    /// <summary>The referrer's bonus for a referee's qualifying purchase, once per referee. True if it was credited.</summary>
    public bool CreditReferral(string refereeId, ProgramConfig config, DateTimeOffset at, DateTimeOffset now)
    {
        if (config.Referrals is not { } referrals || !account.Referral.CreditReferee(refereeId))
        {
            return false;
        }

        Credit(referrals.ReferrerBonusPoints, $"referral of {refereeId}", config, ProgramCalendar.Zone(config), at, now);
        return true;
    }

    /// <summary>
    /// Records the challenge's verdict on this member's completion, once: a winner is credited the reward points and
    /// badge at the completion time. False when no completion awaits placement.
    /// </summary>
    public bool RecordChallengePlacement(Challenge challenge, int position, bool winner, ProgramConfig config, DateTimeOffset now)
    {
        if (account.Challenges.RecordPlacement(challenge.Id, position, winner) is not { } at)
        {
            return false;
        }

        var zone = ProgramCalendar.Zone(config);
        account.News.SetHorizon(config, now);
        account.News.Notify(NotificationKind.ChallengeCompleted, at, challenge: challenge.Id);
        if (winner)
        {
            Credit(challenge.Definition.Reward.Points, $"challenge {challenge.Id}", config, zone, at, now);
            if (challenge.Definition.Reward.Badge is { } badge && account.Badges.Award(badge, at))
            {
                account.News.Notify(NotificationKind.BadgeEarned, at, badge: badge);
            }
        }

        AwardBadges(config, zone, at, now);
        return true;
    }

    /// <summary>Points available at once, counted as earned and on the points boards of the periods <paramref name="at"/> falls in.</summary>
    public void Credit(
        long points, string reason, ProgramConfig config, TimeZoneInfo zone, DateTimeOffset at, DateTimeOffset now,
        LedgerKind kind = LedgerKind.Bonus, string? eventId = null)
    {
        if (account.Points.Credit(points, reason, config, zone, at, kind, eventId))
        {
            account.Periods.Add(at, zone, config.LeaderboardRetention, now, points, 0, purchases: 0);
        }
    }
}
