namespace Loyalty.Domain;

/// <summary>Ratios and averages of KPI counts, from integers: rates to four decimal places, averages rounded toward zero.</summary>
public static class KpiRates
{
    /// <summary><paramref name="part"/> ÷ <paramref name="whole"/>, rounded half away from zero to 4 places; 0 when the whole is 0.</summary>
    public static decimal Rate(long part, long whole) =>
        whole == 0 ? 0m : Math.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero);

    /// <summary><paramref name="total"/> ÷ <paramref name="count"/>, rounded toward zero; 0 when the count is 0.</summary>
    public static long Average(long total, long count) => count == 0 ? 0 : total / count;
}
