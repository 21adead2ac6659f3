using System.Net.Sockets;
using System.Text;

namespace Salon.IntegrationTests.Infrastructure;

/// <summary>HTTP written by hand to a real Kestrel: for requests a client library would escape or refuse to send
/// (a NUL in the path, a Host no address can have).</summary>
public static class RawHttp
{
    /// <summary>Writes the bytes as they are (no client library to escape or refuse them) and reads to the end.</summary>
    public static async Task<string> SendAsync(Uri server, string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await reader.ReadToEndAsync(timeout.Token);
    }
}
