using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Salon.Application.Common;
using Salon.Domain.Moderation;
using Salon.Domain.Notifications;
using Salon.IntegrationTests.Consultations;
using Salon.IntegrationTests.Infrastructure;
using Salon.WebApi.Common;

namespace Salon.IntegrationTests.Platform;

/// <summary>Metrics from the "Salon" meter, OTLP export only when configured, trace ids in errors.
/// Counters are process-wide (other tests run alongside), so they are checked with "at least".</summary>
public sealed class TelemetryTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
    private readonly SalonApiFactory _factory;
    private readonly HttpClient _client;

    public TelemetryTests()
    {
        _factory = new SalonApiFactory { Clock = _clock };
        _client = _factory.CreateClient();
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task The_salon_meter_counts_registrations_topics_replies_crisis_flags_and_reports()
    {
        using var registered = new MetricCollector<long>(null, SalonMetrics.MeterName, "salon.members.registered");
        using var topics = new MetricCollector<long>(null, SalonMetrics.MeterName, "salon.topics.created");
        using var replies = new MetricCollector<long>(null, SalonMetrics.MeterName, "salon.replies.created");
        using var crisis = new MetricCollector<long>(null, SalonMetrics.MeterName, "salon.posts.crisis_flagged");
        using var reports = new MetricCollector<long>(null, SalonMetrics.MeterName, "salon.reports.filed");

        var author = await _factory.SignUpAsync(_client);
        var other = await _factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author, body: "もう死にたいと思う夜があります。");
        await _client.ReplyAsync(other, topicId);
        await (await _client.SendAsAsync(other, HttpMethod.Post, "/api/reports", new { postId = topicId, reason = "spam" })).ShouldBe(HttpStatusCode.Created);

        Assert.True(registered.GetMeasurementSnapshot().Sum(m => m.Value) >= 2);
        Assert.True(topics.GetMeasurementSnapshot().Sum(m => m.Value) >= 1);
        Assert.True(replies.GetMeasurementSnapshot().Sum(m => m.Value) >= 1);
        Assert.Contains(crisis.GetMeasurementSnapshot(), m => m.Tags["post_kind"] as string == "topic");
        Assert.Contains(reports.GetMeasurementSnapshot(), m => m.Tags["reason"] as string == "spam");
    }

    [Fact]
    public void Digests_sent_is_counted_when_the_digest_job_reports_it()
    {
        using var digests = new MetricCollector<long>(null, SalonMetrics.MeterName, "salon.digests.sent");
        SalonMetrics.DigestsSent(3);
        Assert.Contains(digests.GetMeasurementSnapshot(), m => m.Value == 3);
    }

    [Fact]
    public async Task Queue_size_oldest_item_age_and_outbox_backlog_are_read_from_the_database()
    {
        var meters = _factory.Services.GetRequiredService<IMeterFactory>();
        using var queue = new MetricCollector<long>(meters, SalonMetrics.MeterName, "salon.moderation.queue.size");
        using var oldest = new MetricCollector<double>(meters, SalonMetrics.MeterName, "salon.moderation.queue.oldest_age");
        using var backlog = new MetricCollector<long>(meters, SalonMetrics.MeterName, "salon.outbox.backlog");

        queue.RecordObservableInstruments();
        oldest.RecordObservableInstruments();
        Assert.Equal(0, queue.LastMeasurement?.Value);
        Assert.Equal(0, oldest.LastMeasurement?.Value);

        var author = await _factory.SignUpAsync(_client);
        var reporter = await _factory.SignUpAsync(_client);
        var topicId = await _client.CreateTopicAsync(author);
        await (await _client.SendAsAsync(reporter, HttpMethod.Post, "/api/reports", new { postId = topicId, reason = "spam" })).ShouldBe(HttpStatusCode.Created);
        _clock.Advance(TimeSpan.FromMinutes(90));

        queue.RecordObservableInstruments();
        oldest.RecordObservableInstruments();
        backlog.RecordObservableInstruments();
        var open = await _factory.WithDbAsync(db => db.ModerationItems.CountAsync(i => i.Status == ModerationItemStatus.Open));
        var pending = await _factory.WithDbAsync(db => db.OutboxEmails.CountAsync(e => e.Status == OutboxEmailStatus.Pending));
        Assert.Equal(1, open);
        Assert.Equal(open, queue.LastMeasurement?.Value);
        Assert.Equal(90 * 60, oldest.LastMeasurement!.Value, 0);
        Assert.Equal(pending, backlog.LastMeasurement?.Value);
    }

    [Fact]
    public void Nothing_is_exported_unless_an_endpoint_is_configured()
    {
        Assert.False(_factory.Services.GetRequiredService<TelemetryExport>().Enabled);
        Assert.Null(_factory.Services.GetService<TracerProvider>());
        Assert.Null(_factory.Services.GetService<MeterProvider>());

        using var configured = new SalonApiFactory();
        configured.Settings["Telemetry:OtlpEndpoint"] = "http://collector.example:4317";
        var export = configured.Services.GetRequiredService<TelemetryExport>();
        Assert.True(export.Enabled);
        Assert.Equal(new Uri("http://collector.example:4317"), export.Endpoint);
        Assert.NotNull(configured.Services.GetService<TracerProvider>());
        Assert.NotNull(configured.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task With_an_endpoint_configured_traces_are_sent_over_otlp()
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = ReceiveAsync(listener);

        using var factory = new SalonApiFactory();
        factory.Settings["Telemetry:OtlpEndpoint"] = $"http://127.0.0.1:{port}";
        factory.Settings["Telemetry:OtlpProtocol"] = "http/protobuf";
        await (await factory.CreateClient().GetAsync("/api/safety/resources")).ShouldBe(HttpStatusCode.OK);
        factory.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000);

        var path = await received.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("/v1/traces", path);
    }

    [Fact]
    public async Task Every_problem_response_carries_the_trace_id_of_the_request()
    {
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        foreach (var (method, url, body) in new (HttpMethod, string, object?)[]
        {
            (HttpMethod.Get, "/api/me", null),
            (HttpMethod.Get, "/api/no-such-route", null),
            (HttpMethod.Post, "/api/auth/login", new { email = "", password = "" }),
        })
        {
            using var request = new HttpRequestMessage(method, url);
            request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
            if (body is not null)
            {
                request.Content = System.Net.Http.Json.JsonContent.Create(body);
            }

            var response = await _client.SendAsync(request);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(traceId, (await response.JsonAsync()).GetProperty("traceId").GetString());
        }
    }

    private static async Task<string> ReceiveAsync(HttpListener listener)
    {
        while (true)
        {
            var context = await listener.GetContextAsync();
            var path = context.Request.Url!.AbsolutePath;
            context.Response.StatusCode = 200;
            context.Response.Close();
            if (path == "/v1/traces")
            {
                return path;
            }
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
