// The import workflow (dialog and drag-and-drop), mounted once by the shell.
export { ImportController } from './ImportController'
