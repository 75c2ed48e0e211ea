export * from './scripted-cli';
export * from './scripted-ssh-server';
