/** The IPC channels between the preload and the main process: request frames one way, event frames the other. */
export const CHANNELS = {
  /** `ipcRenderer.invoke(CHANNELS.intent, RequestFrame)` resolves with a ReplyFrame. */
  intent: 'apex:intent',
  /** EventFrames (view, output) from the main process. */
  event: 'apex:event',
} as const;
