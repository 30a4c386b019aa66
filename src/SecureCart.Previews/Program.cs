using SecureCart.Previews;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPreviews(builder.Configuration);
var app = builder.Build();
app.MapPreviews();
app.Run();

/// <summary>Entry point; public so tests and the benchmark can name the assembly.</summary>
public partial class Program;
