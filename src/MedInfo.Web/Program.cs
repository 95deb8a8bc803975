using MedInfo.Web.Hosting;

return await PortalSetup.RunMedInfoPortalAsync(args);

/// <summary>Visible to the HTTP tests' WebApplicationFactory.</summary>
public partial class Program;
