export * from './MeetingHeader';
export * from './NotRecognised';
export * from './Outline';
export * from './styles';
