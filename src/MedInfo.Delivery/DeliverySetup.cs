using Microsoft.Extensions.DependencyInjection;

namespace MedInfo.Delivery;

/// <summary>Wires email delivery into a service collection.</summary>
public static class DeliverySetup
{
    public static IServiceCollection AddMedInfoDelivery(this IServiceCollection services, Action<MailOptions> configure)
    {
        services.AddOptions<MailOptions>().Configure(configure).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ResponseDelivery>();
        return services;
    }
}
