using SecureCart.Previews;
using SecureCart.Previews.Automation;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPulumiPreviewEngine(builder.Configuration);
builder.Services.AddPreviews(builder.Configuration);
var app = builder.Build();
app.MapPreviews();
app.Run();
