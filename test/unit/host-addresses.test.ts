import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalAddress, isPublicAddress, machineAddresses } from '../../src/host/addresses.js';

test('public and private addresses', () => {
  for (const address of ['203.0.113.7', '8.8.8.8', '172.32.0.1', '2001:db8::1', '2a01:4f8::1', '::ffff:8.8.8.8']) {
    assert.equal(isPublicAddress(address), true, address);
  }
  for (const address of ['10.0.0.5', '172.16.3.4', '172.31.255.1', '192.168.1.10', '100.64.0.1', '127.0.0.1', '169.254.1.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fe80::1', 'fd00::5', '::ffff:10.0.0.1', 'not-an-ip']) {
    assert.equal(isPublicAddress(address), false, address);
  }
});

test('canonical IPv6 spelling', () => {
  assert.equal(canonicalAddress('2001:0DB8:0000:0000:0000:0000:0000:0001'), '2001:db8::1');
  assert.equal(canonicalAddress('fe80::1%eth0'), 'fe80::1');
  assert.equal(canonicalAddress('203.0.113.7'), '203.0.113.7');
  assert.equal(canonicalAddress('::FFFF:8.8.8.8'), '::ffff:8.8.8.8');
});

test('machine addresses skip loopback and link-local', () => {
  const addresses = machineAddresses({
    lo: [
      { address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' },
      { address: '::1', netmask: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', family: 'IPv6', mac: '00:00:00:00:00:00', internal: true, cidr: '::1/128', scopeid: 0 },
    ],
    eth0: [
      { address: '203.0.113.7', netmask: '255.255.255.0', family: 'IPv4', mac: '52:54:00:12:34:56', internal: false, cidr: '203.0.113.7/24' },
      { address: '2001:db8:0:0::7', netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '52:54:00:12:34:56', internal: false, cidr: '2001:db8::7/64', scopeid: 0 },
      { address: 'fe80::5054:ff:fe12:3456', netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '52:54:00:12:34:56', internal: false, cidr: 'fe80::5054:ff:fe12:3456/64', scopeid: 2 },
    ],
    ens4: [{ address: '10.0.0.2', netmask: '255.255.255.0', family: 'IPv4', mac: '52:54:00:00:00:02', internal: false, cidr: '10.0.0.2/24' }],
  });
  assert.deepEqual(addresses, [
    { address: '203.0.113.7', family: 4, interface: 'eth0', public: true },
    { address: '2001:db8::7', family: 6, interface: 'eth0', public: true },
    { address: '10.0.0.2', family: 4, interface: 'ens4', public: false },
  ]);
});
