using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Loyalty.Client.Hosting;

/// <summary>
/// Checks a section's validation attributes and its own cross-checks (<see cref="IValidatableObject"/>), naming each
/// failing setting by its full key so an operator knows what to change, e.g.
/// "The field Loyalty:StreamPartitions must be between 1 and 256. It is 0."
/// </summary>
public sealed class LoyaltyOptionsValidator<T> : IValidateOptions<T>
    where T : class, ILoyaltyOptions
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = Failures(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws with every failure when <paramref name="options"/> is not valid; for settings read before services exist.</summary>
    public static T Checked(T options)
    {
        var failures = Failures(options);
        return failures.Count == 0 ? options : throw new OptionsValidationException(T.Section, typeof(T), failures);
    }

    private static List<string> Failures(T options)
    {
        var failures = SettingAttributes.Failures(options, T.Section).ToList();
        if (options is IValidatableObject validatable)
        {
            failures.AddRange(validatable.Validate(new ValidationContext(options)).Select(result => result.ErrorMessage ?? T.Section));
        }

        return failures;
    }
}
