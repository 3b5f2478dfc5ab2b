using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace Loyalty.Gateway.Http;

/// <summary>
/// A query or route value that does not bind to its type (<c>?limit=1e9</c> for an int) is refused by the framework
/// before our handlers run; this answers it like our own checks: 400 problem+json naming the parameter.
/// </summary>
public sealed partial class BadParameterExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad
            || ParameterPattern().Match(bad.Message) is not { Success: true } match)
        {
            return false;
        }

        // The type is written "int?" or "Nullable<int>".
        var type = match.Groups["type"].Value.Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('?', '>');
        var message = bad.Message.StartsWith("Required", StringComparison.Ordinal) ? "is required"
            : type is "int" or "Int32" ? $"must be a whole number up to {int.MaxValue}"
            : type is "long" or "Int64" ? $"must be a whole number up to {long.MaxValue}"
            : type is "bool" or "Boolean" ? "must be true or false"
            : "is not a valid value";
        await Problems.Invalid(match.Groups["name"].Value, message).ExecuteAsync(context);
        return true;
    }

    // The framework's wording: Failed to bind parameter "int? limit" from "1e9". / Required parameter "int top" was not provided ...
    [GeneratedRegex(@"parameter ""(?<type>[^""]*) (?<name>[^"" ]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterPattern();
}
