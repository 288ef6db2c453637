using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Gulou.Events.IntegrationTests.Observability;

/// <summary>
/// An OTLP/HTTP endpoint on a loopback port that accepts every export and keeps its body. OTLP bodies are protobuf,
/// in which strings (routes, names, attribute values) appear as plain UTF-8, so a test can look for them.
/// </summary>
public sealed class FakeCollector : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _exports = new();

    private FakeCollector(int port)
    {
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public static FakeCollector Start()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new FakeCollector(port);
    }

    /// <summary>Whether some export to <paramref name="path"/> (<c>/v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>) contained every text.</summary>
    public bool Received(string path, params string[] texts) =>
        _exports.Any(e => e.Path == path && texts.All(t => Encoding.UTF8.GetString(e.Body).Contains(t, StringComparison.Ordinal)));

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _exports.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
