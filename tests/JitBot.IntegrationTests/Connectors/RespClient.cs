using System.Net.Sockets;
using System.Text;

namespace JitBot.IntegrationTests.Connectors;

/// <summary>
/// One plain Redis connection, as <c>redis-cli -u redis://…</c> makes it: AUTH with the DM'd user and password, then
/// commands. (StackExchange.Redis's own handshake needs commands a read-only ACL user is rightly refused.)
/// </summary>
internal sealed class RespClient : IAsyncDisposable
{
    private readonly TcpClient tcp;
    private readonly NetworkStream stream;
    private readonly StreamReader reader;

    private RespClient(TcpClient tcp)
    {
        this.tcp = tcp;
        stream = tcp.GetStream();
        reader = new StreamReader(stream, Encoding.UTF8);
    }

    /// <summary>Connects and authenticates with the <c>redis://user:password@host:port</c> string; returns the AUTH answer too.</summary>
    public static async Task<(RespClient Client, string Auth)> ConnectAsync(Uri uri)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(uri.Host.Trim('[', ']'), uri.Port);
        var client = new RespClient(tcp);
        var userInfo = uri.UserInfo.Split(':');
        return (client, await client.CommandAsync("AUTH", Uri.UnescapeDataString(userInfo[0]), Uri.UnescapeDataString(userInfo[1])));
    }

    /// <summary>Sends one command; returns <c>+OK</c>, <c>-ERR …</c>, <c>:1</c>, a bulk string's text, or <c>(nil)</c>. Throws when the server has closed the connection.</summary>
    public async Task<string> CommandAsync(params string[] args)
    {
        var request = new StringBuilder().Append('*').Append(args.Length).Append("\r\n");
        foreach (var arg in args)
        {
            request.Append('$').Append(Encoding.UTF8.GetByteCount(arg)).Append("\r\n").Append(arg).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()));
        var line = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(5)) ?? throw new IOException("the server closed the connection");
        return line switch
        {
            "$-1" => "(nil)",
            ['$', ..] => await reader.ReadLineAsync() ?? throw new IOException("the server closed the connection"),
            _ => line,
        };
    }

    public ValueTask DisposeAsync()
    {
        reader.Dispose();
        tcp.Dispose();
        return ValueTask.CompletedTask;
    }
}
