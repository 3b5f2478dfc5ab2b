using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Loyalty.Client.Hosting;

/// <summary>The validation attributes of a group of settings, checked with each failure naming its full key.</summary>
public static class SettingAttributes
{
    /// <summary>Failures of <paramref name="settings"/>' properties, each named <c>{prefix}:{Property}</c>.</summary>
    public static IEnumerable<string> Failures(object settings, string prefix)
    {
        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var value = property.GetValue(settings);
            var context = new ValidationContext(settings) { MemberName = property.Name, DisplayName = $"{prefix}:{property.Name}" };
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (attribute.GetValidationResult(value, context) is { ErrorMessage: { } message })
                {
                    yield return $"{message} It is {value ?? "not set"}.";
                }
            }
        }
    }
}
