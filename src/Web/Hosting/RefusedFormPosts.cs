using Microsoft.AspNetCore.Components.Endpoints;

namespace Salon.Web.Hosting;

/// <summary>A form post that the framework refuses before any page runs (no or a wrong anti-forgery token, a body that
/// is not a form, no form name, the name of a form the page does not have, a multipart body without its boundary) is
/// answered by Blazor with <c>400</c> and the framework's own body: English text in Development, an empty
/// <c>text/html</c> page elsewhere, which the status-code pages leave alone since it has a content type. Here that
/// body is dropped, so the status-code pages re-execute the web client's status page (<see
/// cref="WebClient.StatusPagePath"/>), which says in Japanese first and English second what happened. No page of the
/// web client answers <c>400</c> itself, so every <c>400</c> of a page post is the framework's.
/// The status page itself is re-executed as a <c>GET</c> (<see cref="WebClient.UseSalonStatusPage"/>), so it is not
/// checked as a form post again.</summary>
internal static class RefusedFormPosts
{
    public static async Task Apply(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
        {
            await next();
            return;
        }

        var response = context.Response;
        var body = response.Body;
        var refusal = new RefusalFilter(body, response);
        response.Body = refusal;
        try
        {
            await next();
        }
        finally
        {
            response.Body = body;
        }

        if (refusal.Dropped || (response.StatusCode == StatusCodes.Status400BadRequest && !response.HasStarted))
        {
            // Nothing of the framework's answer has left: make it a bare 400 for the status-code pages.
            response.ContentType = null;
            response.ContentLength = null;
        }
    }

    /// <summary>Passes every write through, except while the response is a <c>400</c>: those are dropped.</summary>
    private sealed class RefusalFilter(Stream inner, HttpResponse response) : Stream
    {
        public bool Dropped { get; private set; }

        private bool Refused => response.StatusCode == StatusCodes.Status400BadRequest && !response.HasStarted;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (!Drop())
            {
                inner.Write(buffer, offset, count);
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Drop() ? Task.CompletedTask : inner.WriteAsync(buffer, offset, count, cancellationToken);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            Drop() ? ValueTask.CompletedTask : inner.WriteAsync(buffer, cancellationToken);

        public override void Flush()
        {
            if (!Drop())
            {
                inner.Flush();
            }
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Drop() ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        private bool Drop()
        {
            if (Refused)
            {
                Dropped = true;
            }

            return Dropped;
        }
    }
}
