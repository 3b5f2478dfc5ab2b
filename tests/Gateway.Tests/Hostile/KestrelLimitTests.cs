using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Loyalty.Gateway.Tests.Hostile;

/// <summary>The corpus cases only a real socket can send: Kestrel's limits on headers and on slow bodies.</summary>
public sealed class KestrelLimitTests : IAsyncLifetime
{
    public static readonly HostileCategory[] Categories = [HostileCategory.HugeHeader, HostileCategory.SlowBody];

    private SocketGateway? gateway;

    public async ValueTask InitializeAsync() => gateway = await SocketGateway.Start(
        "--Loyalty:Http:MinRequestBodyDataRate=100", "--Loyalty:Http:MinRequestBodyDataRateGracePeriod=00:00:02");

    public async ValueTask DisposeAsync()
    {
        if (gateway is not null)
        {
            await gateway.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(1, 40 * 1024)] // one header over the 32 KiB of all headers
    [InlineData(150, 16)] // more headers than the 100 allowed
    public async Task Huge_headers_are_answered_431(int headers, int size)
    {
        using var socket = await gateway!.Connect();
        var request = new StringBuilder("GET /health/live HTTP/1.1\r\nHost: localhost\r\n");
        for (var i = 0; i < headers; i++)
        {
            request.Append($"X-Hostile-{i}: {new string('h', size)}\r\n");
        }

        await Send(socket, request.Append("\r\n").ToString());

        Assert.StartsWith("HTTP/1.1 431", await ReadAnswer(socket), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_sent_slowly_is_cut_off_with_408_or_a_close()
    {
        using var socket = await gateway!.Connect();
        await Send(socket, "PUT /v1/programs/slow-body HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + $"Authorization: Bearer {GatewayFixture.OperatorKey}\r\nContent-Length: 100000\r\n\r\n{{");

        // A byte every 200 ms is 5 bytes a second, far under the 100 set; Kestrel's heartbeat notices within seconds.
        var watch = Stopwatch.StartNew();
        var answer = Task.Run(() => ReadAnswer(socket), TestContext.Current.CancellationToken);
        while (!answer.IsCompleted && watch.Elapsed < TimeSpan.FromSeconds(15))
        {
            try
            {
                await socket.SendAsync("a"u8.ToArray(), SocketFlags.None, TestContext.Current.CancellationToken);
            }
            catch (SocketException)
            {
                break; // closed by the server
            }

            await Task.WhenAny(answer, Task.Delay(200, TestContext.Current.CancellationToken));
        }

        var text = await answer.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.True(text.StartsWith("HTTP/1.1 408", StringComparison.Ordinal) || text.Length == 0, $"answered {text}");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"cut off after {watch.Elapsed}");
    }

    private static Task Send(Socket socket, string text) =>
        socket.SendAsync(Encoding.ASCII.GetBytes(text), SocketFlags.None, TestContext.Current.CancellationToken).AsTask();

    /// <summary>What the server sends until it closes the connection or pauses after its answer's headers.</summary>
    private static async Task<string> ReadAnswer(Socket socket)
    {
        var buffer = new byte[16 * 1024];
        var answer = new StringBuilder();
        while (!answer.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            int read;
            try
            {
                read = await socket.ReceiveAsync(buffer, SocketFlags.None, TestContext.Current.CancellationToken);
            }
            catch (SocketException)
            {
                break;
            }

            if (read == 0)
            {
                break;
            }

            answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return answer.ToString();
    }
}
