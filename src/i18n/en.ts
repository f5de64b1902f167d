import type { Messages } from './zh-CN';

export const en: Messages = {
  appName: 'Hulian',
  localeToggle: '中文',
  state: {
    member: 'Member',
    pending: 'Pending approval',
    guest: 'Guest',
    anonymous: 'Not signed in',
  },
  home: {
    title: 'Hulian service portal',
    identity: 'Signed in as',
    user: 'User',
    enterprise: 'Company',
    pendingHint: 'Your request to join is waiting for approval by your company admin.',
    login: 'Login',
    articles: 'Public articles',
    loading: 'Loading…',
    empty: 'No articles yet',
    retry: 'Retry',
    sessionFailed: 'Could not sign you in',
  },
  prompt: {
    title: 'Sign in for more services',
    register: 'Register your company and yourself to see your devices and submit work orders.',
    smsLogin: 'Activated users: sign in with an SMS code sent to the mobile number on file.',
    go: 'Sign in',
    cancel: 'Not now',
  },
  portal: {
    title: 'About this portal',
    audience: 'Hulian is a customer service portal for business customers with an activated account and their staff: device lookup, work orders and more.',
    closed: 'Content is available to signed-in business users only.',
  },
  article: {
    loading: 'Loading…',
    missing: 'No article id given',
    retry: 'Retry',
  },
  loginPage: {
    title: 'Login / Register',
    body: 'Registration and SMS login are coming soon. You will be able to register your company and yourself here, or sign in with the mobile number your company has on file.',
    back: 'Back',
  },
  errors: {
    transport: 'Network error, please try again later',
    malformed: 'The service sent a response that could not be read',
  },
};
