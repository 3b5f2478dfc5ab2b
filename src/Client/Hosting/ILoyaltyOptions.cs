namespace Loyalty.Client.Hosting;

/// <summary>
/// One section of the configuration tree under <c>Loyalty</c>. Its properties are the section's keys
/// (<c>Section:Property</c>); their validation attributes are checked when the process starts.
/// </summary>
public interface ILoyaltyOptions
{
    /// <summary>The section's path, such as <c>Loyalty:Live</c>.</summary>
    static abstract string Section { get; }
}
