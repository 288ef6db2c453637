using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Contracts;
using Microsoft.AspNetCore.Http.Features;

namespace Gulou.Events.Api.Infrastructure.Hosting;

/// <summary>Raises the body limit of one endpoint above <see cref="RequestBodyLimit.Default"/> (batches, imports).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequestBodyLimitAttribute(long bytes) : Attribute
{
    public long Bytes { get; } = bytes;
}

/// <summary>
/// Refuses bodies over the endpoint's limit with 413 before anything reads them, whether the server is
/// Kestrel or the in-memory test server. Bodies without a length are cut off at the limit as they stream.
/// </summary>
public static class RequestBodyLimit
{
    public const long Default = 1024 * 1024;

    public static IApplicationBuilder UseGulouRequestBodyLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimitAttribute>()?.Bytes ?? Default;
        if (http.Request.ContentLength > limit)
        {
            throw new ProblemException(StatusCodes.Status413PayloadTooLarge, ErrorCodes.PayloadTooLarge, "Payload too large",
                $"The body is {http.Request.ContentLength} bytes; this route takes at most {limit}.");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }
        else if (http.Request.ContentLength is null && http.Request.Body.CanRead)
        {
            http.Request.Body = new LimitedStream(http.Request.Body, limit);
        }

        await next(http);
    });

    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            _read += read;
            return _read > limit
                ? throw new BadHttpRequestException($"The body exceeds {limit} bytes.", StatusCodes.Status413PayloadTooLarge)
                : read;
        }

        public override void Flush() => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
