using SecureCart.Previews;
using SecureCart.Previews.Automation;

WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.Services.AddPulumiPreviewEngine(builder.Configuration);
builder.Services.AddPreviews(builder.Configuration);
WebApplication app = builder.Build();
app.MapPreviews();
app.Run();
