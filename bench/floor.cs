#:sdk Microsoft.NET.Sdk.Web
// The framework's floor: Kestrel answering every request with the same bytes from memory, no middleware.
var bytes = File.ReadAllBytes(args[0]);
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
var app = builder.Build();
app.Run(context =>
{
    context.Response.ContentType = "text/html; charset=utf-8";
    context.Response.ContentLength = bytes.Length;
    return context.Response.Body.WriteAsync(bytes).AsTask();
});
app.Run(args[1]);
