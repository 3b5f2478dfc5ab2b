using Loyalty.Replay;
using Loyalty.Replay.Sending;
using Loyalty.Tools;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

var parsed = ReplayCommand.Line.Parse(args);
if (ToolCommandLine.Stop(parsed) is { } exitCode)
{
    return exitCode;
}

var command = ReplayCommand.From(parsed);
var key = command.Key();
var services = new ServiceCollection();
services.AddHttpClient(GatewayPreparation.GatewayClient, client =>
{
    client.BaseAddress = command.Gateway;
    client.DefaultRequestHeaders.Authorization = key is null ? null : new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
    client.Timeout = TimeSpan.FromSeconds(60); // one request; the sender retries a timed-out batch
});
await using var provider = services.BuildServiceProvider();
var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(GatewayPreparation.GatewayClient);
if (command.WaitReady > TimeSpan.Zero)
{
    await GatewayPreparation.WaitUntilReady(http, command.WaitReady);
}

var clean = true;
foreach (var file in command.Files)
{
    var (data, programId, createWith) = command.Load(file);
    if (createWith is not null)
    {
        await GatewayPreparation.EnsureProgram(http, programId, createWith);
    }

    AnsiConsole.MarkupLineInterpolated($"[bold]{Path.GetFileName(file)}[/] → program [bold]{programId}[/]: {data.Events.Count:N0} events");
    var summary = await ReplayConsole.Run(new EventBatchSender(http, command.Sender), programId, data);
    ReplayConsole.Print(summary, data);
    clean &= summary.Clean;
}

return clean ? 0 : 1;
