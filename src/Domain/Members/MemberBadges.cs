namespace Loyalty.Domain;

/// <summary>
/// What a member was given once: badges, milestone surprises and the yearly birthday bonus (on the member's birthday
/// in the program's zone). Each records when it was earned; what it is worth is credited by the member.
/// </summary>
public sealed class MemberBadges
{
    private readonly Dictionary<string, DateTimeOffset> awarded;
    private readonly Dictionary<string, DateTimeOffset> surprises;

    public MemberBadges()
        : this([], [], null, null)
    {
    }

    private MemberBadges(
        IEnumerable<KeyValuePair<string, DateTimeOffset>> awarded, IEnumerable<KeyValuePair<string, DateTimeOffset>> surprises,
        DateOnly? birthDate, int? birthdayYearDone)
    {
        this.awarded = new Dictionary<string, DateTimeOffset>(awarded, StringComparer.Ordinal);
        this.surprises = new Dictionary<string, DateTimeOffset>(surprises, StringComparer.Ordinal);
        (BirthDate, BirthdayYearDone) = (birthDate, birthdayYearDone);
    }

    public static MemberBadges Restore(
        IEnumerable<KeyValuePair<string, DateTimeOffset>> awarded, IEnumerable<KeyValuePair<string, DateTimeOffset>> surprises,
        DateOnly? birthDate, int? birthdayYearDone) =>
        new(awarded, surprises, birthDate, birthdayYearDone);

    /// <summary>Badges awarded, by id, with the event time at which each was earned.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Awarded => awarded;

    /// <summary>Surprises given, by id, with the event time of the milestone.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> Surprises => surprises;

    public DateOnly? BirthDate { get; private set; }

    /// <summary>The last year a birthday bonus was credited, or judged past when the date was set.</summary>
    public int? BirthdayYearDone { get; private set; }

    /// <summary>Records a badge once; false if it was already awarded.</summary>
    public bool Award(string badgeId, DateTimeOffset at) => awarded.TryAdd(badgeId, at);

    /// <summary>The surprises whose milestone is now reached, each recorded once, at <paramref name="at"/>.</summary>
    public List<Surprise> GiveSurprises(ProgramConfig config, MemberPurchases purchases, long lifetimeEarned, DateTimeOffset at)
    {
        var given = new List<Surprise>();
        foreach (var surprise in config.Surprises)
        {
            var reached = surprise.Kind switch
            {
                SurpriseKind.Purchases => purchases.Count,
                SurpriseKind.Spend => purchases.LifetimeSpendMinor,
                _ => lifetimeEarned,
            };
            if (reached >= surprise.Target && surprises.TryAdd(surprise.Id, at))
            {
                given.Add(surprise);
            }
        }

        return given;
    }

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

    /// <summary>This year's birthday, once it has begun in the program's zone and was not yet credited: recorded as done.</summary>
    public (int Year, DateTimeOffset At)? TakeBirthday(ProgramConfig config, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (config.Birthday is null || BirthDate is not { } date)
        {
            return null;
        }

        var today = ProgramCalendar.LocalDate(now, zone);
        var birthday = BirthdayIn(date, today.Year);
        if (today < birthday || (BirthdayYearDone ?? 0) >= today.Year)
        {
            return null;
        }

        BirthdayYearDone = today.Year;
        return (today.Year, ProgramCalendar.StartOfDay(birthday, zone));
    }

    /// <summary>29 February falls on 28 February in common years.</summary>
    private static DateOnly BirthdayIn(DateOnly birthDate, int year) =>
        new(year, birthDate.Month, Math.Min(birthDate.Day, DateTime.DaysInMonth(year, birthDate.Month)));
}
