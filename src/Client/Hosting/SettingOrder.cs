using System.ComponentModel.DataAnnotations;

namespace Loyalty.Client.Hosting;

/// <summary>Cross-checks between two settings of a section, for <see cref="IValidatableObject"/> sections.</summary>
public static class SettingOrder
{
    /// <summary>A failure naming both keys when the setting <paramref name="upper"/> is below <paramref name="lower"/>.</summary>
    public static IEnumerable<ValidationResult> AtLeast<T>(string section, (string Name, T Value) upper, (string Name, T Value) lower)
        where T : IComparable<T>
    {
        if (upper.Value.CompareTo(lower.Value) < 0)
        {
            yield return new ValidationResult(
                $"{section}:{upper.Name} must be at least {section}:{lower.Name} ({lower.Value}). It is {upper.Value}.");
        }
    }
}
