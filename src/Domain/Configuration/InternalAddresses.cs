using System.Net;
using System.Net.Sockets;

namespace Loyalty.Domain;

/// <summary>
/// Addresses a webhook must not reach unless private networks are allowed: the machine itself, its link, private
/// networks, and addresses that name no single public host. A request aimed there would let a program owner probe
/// or call services inside the deployment (cloud metadata at 169.254.169.254, an admin port on loopback).
/// </summary>
public static class InternalAddresses
{
    private static readonly byte[] Nat64Prefix = [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];

    public static bool IsInternal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsInternalIPv4(bytes),
            AddressFamily.InterNetworkV6 => IsInternalIPv6(bytes),
            _ => true,
        };
    }

    /// <summary>True for localhost, any *.localhost, and an address literal that <see cref="IsInternal"/> refuses.</summary>
    public static bool IsInternalHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var name = host.Trim('[', ']').TrimEnd('.');
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(name, out var address) && IsInternal(address));
    }

    private static bool IsInternalIPv4(byte[] b) =>
        b[0] is 0 or 10 or 127 // this network (0.0.0.0 among them), private, loopback
        || b[0] >= 224 // multicast, reserved and broadcast
        || (b[0] == 169 && b[1] == 254) // link-local
        || (b[0] == 172 && (b[1] & 0xF0) == 16) // private 172.16/12
        || (b[0] == 192 && b[1] == 168); // private

    private static bool IsInternalIPv6(byte[] b)
    {
        // ::/96 holds :: (unspecified), ::1 (loopback) and the deprecated IPv4-compatible form; 64:ff9b::/96 is NAT64,
        // which carries an IPv4 address on to its own network.
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return true;
        }

        if (b.AsSpan(0, 12).SequenceEqual(Nat64Prefix))
        {
            return IsInternalIPv4(b[12..]);
        }

        return b[0] == 0xFF // multicast
            || (b[0] & 0xFE) == 0xFC // unique local fc00::/7
            || (b[0] == 0xFE && (b[1] & 0x80) == 0x80); // link-local fe80::/10 and the old site-local fec0::/10
    }
}
