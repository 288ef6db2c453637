// The container health check: exits 0 when the URL answers 2xx, 1 otherwise. The runtime image has no curl or
// wget, and a shell one-liner over /dev/tcp would not read the status line reliably.
var url = args.Length > 0 ? args[0] : "http://127.0.0.1:8080/health/live";
// A proxy configured for the service's outbound calls must not stand between the probe and its own container.
using var handler = new HttpClientHandler { UseProxy = false };
using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(5) };
try
{
    using var response = await client.GetAsync(new Uri(url));
    if (response.IsSuccessStatusCode)
    {
        return 0;
    }

    await Console.Error.WriteLineAsync($"{url} answered {(int)response.StatusCode}");
}
catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
{
    await Console.Error.WriteLineAsync($"{url}: {e.Message}");
}

return 1;
