using MedInfo.Web.Hosting;

NativeHeap.KeepSmall();
return await PortalSetup.RunMedInfoPortalAsync(args);

/// <summary>Visible to the HTTP tests' WebApplicationFactory.</summary>
public partial class Program;
