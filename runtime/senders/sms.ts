import { createHmac, randomUUID } from 'node:crypto';
import { postJson, type ChannelSender } from './sender';

export interface SmsGatewayOptions {
  url: string;
  appKey: string;
  appSecret: string;
  signName: string;
}

/**
 * A simple HTTP JSON SMS gateway: POST `url` with the body { mobile, content, signName, requestId } and the headers
 * X-App-Key, X-Timestamp (Unix seconds), X-Nonce and X-Signature = hex HMAC-SHA256(appSecret,
 * `${appKey}\n${timestamp}\n${nonce}\n${body}`). The gateway answers { code: 0 } when it accepted the message.
 * A province's SMS platform (its own API and signature) replaces this file with an adapter of the same interface.
 */
export function smsSender(options: SmsGatewayOptions): ChannelSender {
  return {
    channel: 'sms',
    async send(message) {
      if (!message.to) throw new Error('no mobile number');
      const body = JSON.stringify({
        mobile: message.to,
        content: message.text,
        signName: options.signName,
        requestId: message.id,
      });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const nonce = randomUUID();
      const signature = createHmac('sha256', options.appSecret)
        .update(`${options.appKey}\n${timestamp}\n${nonce}\n${body}`)
        .digest('hex');
      const answer = await postJson(options.url, body, {
        'x-app-key': options.appKey,
        'x-timestamp': timestamp,
        'x-nonce': nonce,
        'x-signature': signature,
      });
      if (answer.code !== undefined && answer.code !== 0) throw new Error(`gateway code ${JSON.stringify(answer.code)}`);
    },
  };
}
