namespace Loyalty.Domain;

/// <summary>
/// Surprise and delight: milestone surprises (bonus points, a tier upgrade "just because") and a birthday bonus
/// once a year, on the member's birthday in the program's zone.
/// </summary>
public sealed partial class MemberAccount
{
    /// <summary>Surprises given, by id, with the event time of the milestone.</summary>
    public Dictionary<string, DateTimeOffset> Surprises { get; set; } = new(StringComparer.Ordinal);

    public DateOnly? BirthDate { get; set; }

    /// <summary>The last year a birthday bonus was credited, or judged past when the date was set.</summary>
    public int? BirthdayYearDone { get; set; }

    /// <summary>
    /// Sets or clears the birth date. A birthday already past this year when the date is set earns nothing until next
    /// year; one today still does. Callers refuse dates in the future or before 1900.
    /// </summary>
    public void SetBirthDate(DateOnly? birthDate, ProgramConfig config, DateTimeOffset now)
    {
        var today = ProgramCalendar.LocalDate(now, ProgramCalendar.Zone(config));
        BirthDate = birthDate;
        if (birthDate is { } date && BirthdayIn(date, today.Year) < today && (BirthdayYearDone ?? 0) < today.Year)
        {
            BirthdayYearDone = today.Year;
        }

        Version++;
    }

    /// <summary>The local midnight of the next birthday still to be credited; null without a bonus or a birth date.</summary>
    public DateTimeOffset? NextBirthdayBonusAt(ProgramConfig config, DateTimeOffset now)
    {
        if (config.Birthday is null || BirthDate is not { } date)
        {
            return null;
        }

        var zone = ProgramCalendar.Zone(config);
        var year = Math.Max(ProgramCalendar.LocalDate(now, zone).Year, (BirthdayYearDone ?? 0) + 1);
        return ProgramCalendar.StartOfDay(BirthdayIn(date, year), zone);
    }

    /// <summary>Credits this year's birthday bonus once the birthday has begun in the program's zone.</summary>
    private bool CreditBirthday(ProgramConfig config, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (config.Birthday is not { } bonus || BirthDate is not { } date)
        {
            return false;
        }

        var today = ProgramCalendar.LocalDate(now, zone);
        var birthday = BirthdayIn(date, today.Year);
        if (today < birthday || (BirthdayYearDone ?? 0) >= today.Year)
        {
            return false;
        }

        BirthdayYearDone = today.Year;
        Credit(bonus.BonusPoints, $"birthday {today.Year}", config, zone, ProgramCalendar.StartOfDay(birthday, zone), now);
        return true;
    }

    /// <summary>29 February falls on 28 February in common years.</summary>
    private static DateOnly BirthdayIn(DateOnly birthDate, int year) =>
        new(year, birthDate.Month, Math.Min(birthDate.Day, DateTime.DaysInMonth(year, birthDate.Month)));

    /// <summary>Gives every surprise whose milestone is now reached, once, at the time of the event that reached it.</summary>
    private void GiveSurprises(ProgramConfig config, TimeZoneInfo zone, DateTimeOffset at, DateTimeOffset now)
    {
        foreach (var surprise in config.Surprises)
        {
            var reached = surprise.Kind switch
            {
                SurpriseKind.Purchases => PurchaseCount,
                SurpriseKind.Spend => LifetimeSpendMinor,
                _ => LifetimeEarned,
            };
            if (reached < surprise.Target || !Surprises.TryAdd(surprise.Id, at))
            {
                continue;
            }

            Credit(surprise.BonusPoints, $"surprise {surprise.Id}", config, zone, at, now);
            if (surprise.UpgradeTo is { } tier)
            {
                Tier.Grant(config.Tiers, tier, at); // announced by Apply with any other change of tier
            }
        }
    }
}
