using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SecureCart.Previews.Tests.Support;

/// <summary>A webhook receiver on Kestrel (127.0.0.1:0): records each delivery; the first <see cref="FailFirst"/> answer 503.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Delivery> _deliveries = new();
    private int _seen;

    private WebhookReceiver(WebApplication app) => _app = app;

    public int FailFirst { get; set; }

    public TimeSpan Delay { get; set; }

    public Uri Url { get; private set; } = null!;

    /// <summary>Every request, including the ones answered with an error.</summary>
    public IReadOnlyList<Delivery> Requests => [.. _deliveries];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks/previews", (Delegate)receiver.ReceiveAsync);
        await app.StartAsync();
        receiver.Url = new Uri(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), "/hooks/previews");
        return receiver;
    }

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var number = Interlocked.Increment(ref _seen);
        _deliveries.Enqueue(new Delivery(
            body.ToArray(),
            context.Request.Headers["SecureCart-Signature"].ToString(),
            context.Request.Headers["SecureCart-Notice-Id"].ToString(),
            number <= FailFirst ? 503 : 200));
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay);
        }

        return number <= FailFirst ? Results.StatusCode(503) : Results.Ok();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record Delivery(byte[] Body, string Signature, string NoticeId, int Status);
}
