namespace Gulou.Events.IntegrationTests.Infrastructure;

/// <summary>A read-only request body made up as it is read, so that a test can send more than it ever holds.</summary>
public abstract class GeneratedStream : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    /// <summary>How many bytes were read so far.</summary>
    public override long Position { get; set; }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
