/**
 * The calling window's problems in a person's words for the settings form: the API's schema
 * messages name fields ("callingWindow.end must be later than callingWindow.start …"), which the
 * API keeps; the form says what to change.
 */
export function windowWords(message: string): string {
  if (message.includes('callingWindow.end must be later than callingWindow.start')) {
    return 'The window must end later than it starts, on the same day. For calls until the end of the day, tick "Until midnight".';
  }
  if (message.includes('callingWindow.days needs at least one day')) return 'Choose at least one calling day: a campaign with no calling day could never call.';
  if (message.includes('callingWindow.days lists a day twice')) return 'A calling day is chosen twice.';
  return message
    .replace(/^callingWindow\.start is a (24-hour )?time/, 'The start time must be a $1time')
    .replace(/^callingWindow\.end is a (24-hour )?time/, 'The end time must be a $1time')
    .replace(/callingWindow\.days/g, 'The calling days')
    .replace(/^callingWindow is an object.*$/, 'Enter a start time, an end time and at least one calling day.');
}
