namespace Loyalty.Grains;

public static class StorageNames
{
    /// <summary>The grain storage that holds members, programs and leaderboards.</summary>
    public const string Loyalty = "loyalty";
}
