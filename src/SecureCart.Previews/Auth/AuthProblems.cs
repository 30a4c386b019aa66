using Microsoft.AspNetCore.Mvc;

namespace SecureCart.Previews.Auth;

internal static class AuthProblems
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = $"https://securecart.example/problems/{(status == 401 ? "unauthenticated" : "forbidden")}" },
        });
    }
}
