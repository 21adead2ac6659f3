using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Salon.WebApi.Common;

/// <summary>Kestrel answers some requests before any middleware runs: a request line it cannot parse (<c>%00</c> in the
/// path: 400), a target over its limit (414), headers over theirs (431). Those answers have empty bodies and cannot be
/// customised inside the HTTP pipeline. This connection middleware sits under Kestrel's HTTP/1.x layer and replaces
/// exactly such an answer (a 4xx/5xx header block with <c>Content-Length: 0</c> and <c>Connection: close</c>, flushed on
/// its own) with the same status and headers plus a ProblemDetails body: the title in Japanese, the detail in English
/// (the request's <c>Accept-Language</c> was never read). Everything else passes through unchanged. It sees plain HTTP only: behind
/// TLS terminated by Kestrel itself it sees ciphertext and changes nothing (see docs/deploy.md).</summary>
internal static class KestrelRejections
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] EmptyBody = "\r\nContent-Length: 0\r\n"u8.ToArray();
    private static readonly byte[] Close = "\r\nConnection: close\r\n"u8.ToArray();

    /// <summary>Longer than any header block Kestrel writes for a rejection; anything bigger is not one.</summary>
    private const int MaxRejectionLength = 512;

    public static ListenOptions UseProblemDetailsForRejections(this ListenOptions listen)
    {
        listen.Use(next => async connection =>
        {
            var transport = connection.Transport;
            connection.Transport = new Pipe(transport.Input, new RewritingWriter(transport.Output));
            try
            {
                await next(connection);
            }
            finally
            {
                connection.Transport = transport;
            }
        });
        return listen;
    }

    /// <summary>The replacement for a flushed chunk, or null when the chunk is not a Kestrel rejection.</summary>
    internal static byte[]? Rewrite(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length > MaxRejectionLength
            || !(chunk.StartsWith("HTTP/1.1 "u8) || chunk.StartsWith("HTTP/1.0 "u8))
            || chunk.Length < 13 || chunk[9] is not ((byte)'4' or (byte)'5')
            || chunk.IndexOf(HeaderEnd) != chunk.Length - HeaderEnd.Length
            || chunk.IndexOf(EmptyBody) < 0 || chunk.IndexOf(Close) < 0
            || !int.TryParse(chunk[9..12], out var status))
        {
            return null;
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(Problem(status));
        var headers = Encoding.ASCII.GetString(chunk[..^HeaderEnd.Length])
            .Replace("\r\nContent-Length: 0", string.Empty, StringComparison.Ordinal);
        var head = headers
            + "\r\nContent-Type: application/problem+json; charset=utf-8"
            + "\r\nX-Content-Type-Options: nosniff"
            + $"\r\nContent-Length: {body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }

    private static Dictionary<string, object> Problem(int status)
    {
        var (code, _, text) = status switch
        {
            StatusCodes.Status408RequestTimeout => HttpErrors.RequestTimeout,
            StatusCodes.Status411LengthRequired => HttpErrors.LengthRequired,
            StatusCodes.Status413PayloadTooLarge => HttpErrors.PayloadTooLarge,
            StatusCodes.Status414UriTooLong => HttpErrors.UriTooLong,
            StatusCodes.Status431RequestHeaderFieldsTooLarge => HttpErrors.HeadersTooLarge,
            >= 500 => HttpErrors.ServerError,
            _ => HttpErrors.BadRequest,
        };

        return new Dictionary<string, object>
        {
            ["type"] = ProblemTypes.For(code),
            ["title"] = text.Ja,
            ["status"] = status,
            ["detail"] = text.En,
            ["code"] = code,
        };
    }

    private sealed class Pipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }

    /// <summary>Holds what Kestrel writes until it flushes, then passes it on (rewritten when it is a rejection).</summary>
    private sealed class RewritingWriter(PipeWriter inner) : PipeWriter
    {
        private readonly ArrayBufferWriter<byte> _pending = new(4096);

        /// <summary>Kestrel's output reports it (System.Text.Json asks it when to flush a response body).</summary>
        public override bool CanGetUnflushedBytes => true;

        public override long UnflushedBytes => _pending.WrittenCount + (inner.CanGetUnflushedBytes ? inner.UnflushedBytes : 0);

        public override void Advance(int bytes) => _pending.Advance(bytes);

        public override Memory<byte> GetMemory(int sizeHint = 0) => _pending.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => _pending.GetSpan(sizeHint);

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null)
        {
            CopyPending();
            inner.Complete(exception);
        }

        public override async ValueTask CompleteAsync(Exception? exception = null)
        {
            CopyPending();
            await inner.CompleteAsync(exception);
        }

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            CopyPending();
            return inner.FlushAsync(cancellationToken);
        }

        private void CopyPending()
        {
            if (_pending.WrittenCount == 0)
            {
                return;
            }

            var chunk = _pending.WrittenSpan;
            if (Rewrite(chunk) is { } problem)
            {
                inner.Write(problem);
            }
            else
            {
                inner.Write(chunk);
            }

            _pending.ResetWrittenCount();
        }
    }
}
