using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace Loyalty.Gateway.Http;

/// <summary>
/// A query value of the wrong type ("limit=ten") is answered like every other bad input: 400 problem+json naming
/// the parameter, where the framework alone would answer a bare 400.
/// </summary>
public sealed partial class QueryBindingExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || BindFailure().Match(bad.Message) is not { Success: true } failure)
        {
            return false;
        }

        var message = failure.Groups["type"].Value.TrimEnd('?') switch
        {
            "int" or "long" => "must be a whole number",
            "bool" => "must be true or false",
            var type => $"is not a valid {type}",
        };
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [failure.Groups["name"].Value] = [message] })
            {
                Status = StatusCodes.Status400BadRequest,
            },
        });
    }

    // The wording of ASP.NET Core's binding failure: Failed to bind parameter "int? limit" from "ten".
    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]+) (?<name>[^" ]+)" from """)]
    private static partial Regex BindFailure();
}
