import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, isPrivateHost, MAX_WEBHOOK_URL_LENGTH } from './url-policy.ts';

const refused = (url: string) => checkWebhookUrl(url, false).ok === false;

describe('webhook URL policy (SSRF guard)', () => {
  it('allows https URLs on public hosts and drops a fragment', () => {
    expect(checkWebhookUrl('https://hooks.example.com/leads?x=1#frag', false)).toEqual({ ok: true, url: 'https://hooks.example.com/leads?x=1' });
    expect(checkWebhookUrl('https://93.184.216.34:8443/h', false).ok).toBe(true);
    expect(checkWebhookUrl('https://[2606:4700::1111]/h', false).ok).toBe(true);
  });

  it('refuses plain http, other schemes and credentials', () => {
    for (const url of ['http://hooks.example.com/x', 'ftp://hooks.example.com/x', 'file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@hooks.example.com/']) {
      expect(refused(url), url).toBe(true);
    }
    expect(refused('not a url')).toBe(true);
  });

  it('refuses loopback, private, link-local and metadata addresses in every spelling', () => {
    const hosts = [
      'https://127.0.0.1/', 'https://127.1/', 'https://0x7f.1/', 'https://2130706433/', 'https://0177.0.0.1/', 'https://0.0.0.0/',
      'https://10.1.2.3/', 'https://172.16.0.1/', 'https://172.31.255.255/', 'https://192.168.1.1/', 'https://100.64.0.1/',
      'https://169.254.169.254/latest/meta-data/', 'https://169.254.169.254./', 'https://224.0.0.1/', 'https://255.255.255.255/',
      'https://[::1]/', 'https://[0:0:0:0:0:0:0:1]/', 'https://[::]/', 'https://[::ffff:127.0.0.1]/', 'https://[::ffff:a9fe:a9fe]/',
      'https://[64:ff9b::10.0.0.1]/', 'https://[2002:a00:1::]/', 'https://[fd00:ec2::254]/', 'https://[fe80::1]/', 'https://[fc00::1]/', 'https://[ff02::1]/',
      'https://localhost/', 'https://LOCALHOST./', 'https://api.localhost/', 'https://metadata.google.internal/', 'https://printer.local/',
      'https://router.home.arpa/', 'https://intranet/',
    ];
    for (const url of hosts) expect(refused(url), url).toBe(true);
    // Public neighbours of the private ranges stay allowed.
    for (const url of ['https://172.32.0.1/', 'https://11.0.0.1/', 'https://100.128.0.1/', 'https://169.255.0.1/', 'https://[2001:4860::8888]/']) {
      expect(refused(url), url).toBe(false);
    }
  });

  it('allows http and private hosts with WEBHOOK_ALLOW_PRIVATE (local development)', () => {
    expect(checkWebhookUrl('http://127.0.0.1:9999/hook', true)).toEqual({ ok: true, url: 'http://127.0.0.1:9999/hook' });
    expect(checkWebhookUrl('ftp://127.0.0.1/', true).ok).toBe(false);
  });

  it('answers in linear time on hostile input of the maximum length', () => {
    expect(refused('https://' + 'a.'.repeat(1000) + '/')).toBe(false);
    expect(isPrivateHost('.'.repeat(MAX_WEBHOOK_URL_LENGTH) + 'x')).toBe(false);
    expect(isPrivateHost('x' + '.'.repeat(MAX_WEBHOOK_URL_LENGTH))).toBe(true);
    expect(refused('https://' + 'a'.repeat(MAX_WEBHOOK_URL_LENGTH))).toBe(true);
  });
});
