/** Who is calling from the mini program — only ever taken from the trusted runtime context. */
export interface WechatCaller {
  appid: string;
  openid: string;
  unionid?: string;
}
