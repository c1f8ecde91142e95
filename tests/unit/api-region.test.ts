import { describe, expect, it } from 'vitest';
import { regionOfApiUrl } from '../../bin/commands/remote/region.js';

describe('the region an API URL names', () => {
  it('is the one in an execute-api host', () => {
    expect(regionOfApiUrl('https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/')).toBe('eu-west-1');
  });

  it('is found with a stage in the path and in a China region', () => {
    expect(regionOfApiUrl('https://a1b2c3d4e5.execute-api.cn-northwest-1.amazonaws.com.cn/prod/')).toBe('cn-northwest-1');
  });

  it('is found in a GovCloud region', () => {
    expect(regionOfApiUrl('https://a1b2c3d4e5.execute-api.us-gov-west-1.amazonaws.com/')).toBe('us-gov-west-1');
  });

  it('is none for a custom domain', () => {
    expect(regionOfApiUrl('https://api.transfer-watch.example/')).toBeUndefined();
  });

  it('is none for a local server', () => {
    expect(regionOfApiUrl('http://127.0.0.1:8787/')).toBeUndefined();
  });
});
