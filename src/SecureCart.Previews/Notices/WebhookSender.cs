using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SecureCart.Previews.Options;

namespace SecureCart.Previews.Notices;

/// <summary>POSTs the notice as JSON, signed (see <see cref="WebhookSignature"/>); anything but 2xx is a failed attempt.</summary>
internal sealed class WebhookSender(IHttpClientFactory clients, IOptions<NoticeOptions> options, TimeProvider time)
{
    public const string ClientName = "notices";
    public const string NoticeIdHeader = "SecureCart-Notice-Id";
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public async Task SendAsync(Uri target, ExpiryNotice notice, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(notice, s_json);
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Create(options.Value.WebhookSecret ?? "", time.GetUtcNow().ToUnixTimeSeconds(), body));
        // Delivery is at least once (an answer can be lost): receivers drop a notice id they have already seen.
        request.Headers.Add(NoticeIdHeader, notice.NoticeId.ToString("D"));
        using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"the webhook answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }
    }
}
