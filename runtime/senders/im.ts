import { createHmac } from 'node:crypto';
import { postJson, type ChannelSender } from './sender';

/** The robot's sign: base64 HMAC-SHA256(secret, `${timestamp}\n${secret}`), URL-encoded (钉钉/浙政钉 custom robots). */
export function imRobotSign(secret: string, timestamp: string): string {
  return encodeURIComponent(createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64'));
}

/**
 * A 政务 IM robot webhook in the style of 钉钉/浙政钉 custom robots: POST the robot's URL (with its access_token) plus
 * `&timestamp=<ms>&sign=<imRobotSign>` and the JSON text message { msgtype: "text", text: { content } }; the robot
 * answers { errcode: 0 }.
 */
export function imSender(options: { url: string; secret: string }): ChannelSender {
  return {
    channel: 'im',
    async send(message) {
      const timestamp = String(Date.now());
      const url = `${options.url}${options.url.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${imRobotSign(options.secret, timestamp)}`;
      const answer = await postJson(url, JSON.stringify({ msgtype: 'text', text: { content: message.text } }));
      if (answer.errcode !== undefined && answer.errcode !== 0)
        throw new Error(`robot errcode ${JSON.stringify(answer.errcode)}`);
    },
  };
}
