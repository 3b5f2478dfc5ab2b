namespace Loyalty.Domain;

/// <summary>Ratios and averages of KPI counts, from integers: rates to four decimal places, averages rounded toward zero.</summary>
public static class KpiRates
{
    /// <summary><paramref name="part"/> ÷ <paramref name="whole"/>, rounded half away from zero to 4 places; 0 when the whole is 0.</summary>
    public static decimal Rate(long part, long whole) =>
        whole == 0 ? 0m : Math.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero);

    /// <summary><paramref name="total"/> ÷ <paramref name="count"/>, rounded toward zero; 0 when the count is 0.</summary>
    public static long Average(long total, long count) => count == 0 ? 0 : total / count;

    /// <summary>Net Promoter Score: % promoters − % detractors, a whole number from −100 to 100 (0 with no responses).</summary>
    public static int NetPromoterScore(long promoters, long detractors, long responses) =>
        responses == 0 ? 0 : (int)Math.Round(100m * (promoters - detractors) / responses, 0, MidpointRounding.AwayFromZero);

    /// <summary><paramref name="part"/> as a whole percentage of <paramref name="whole"/> (0 when the whole is 0).</summary>
    public static int Percent(long part, long whole) =>
        whole == 0 ? 0 : (int)Math.Round(100m * part / whole, 0, MidpointRounding.AwayFromZero);

    /// <summary>A mean score to 2 decimal places (0 with no responses).</summary>
    public static decimal Mean(long total, long count) =>
        count == 0 ? 0m : Math.Round((decimal)total / count, 2, MidpointRounding.AwayFromZero);
}
