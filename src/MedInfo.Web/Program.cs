using MedInfo.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddMedInfoPortal();

var app = builder.Build();
app.UseMedInfoPortal();
app.Run();

/// <summary>Visible to the HTTP tests' WebApplicationFactory.</summary>
public partial class Program;
