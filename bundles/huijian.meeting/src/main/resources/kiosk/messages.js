// The kiosk's words: Simplified Chinese first, English second (remembered per terminal in localStorage).
const zh = {
  title: '会见终端',
  'kind.LAWYER': '律师会见终端', 'kind.DETAINEE': '在押人员会见终端',
  'setup.title': '终端登记', 'setup.intro': '请输入管理员为本终端签发的设备凭证（以 hjt_ 开头）。凭证仅保存在本终端。',
  'setup.secret': '设备凭证', 'setup.save': '保存并连接', 'setup.invalid': '设备凭证无效或已被吊销，请向管理员重新申请。',
  'setup.format': '设备凭证以 hjt_ 开头，共 47 个字符。', 'setup.forget': '更换设备凭证',
  'conn.online': '已连接', 'conn.connecting': '正在连接服务器…', 'conn.retry': '连接中断，{s} 秒后重试…',
  'idle.none': '当前没有会见', 'idle.hint': '到预约时间后，会见信息会自动显示在这里。',
  'card.booking': '预约号', 'card.time': '预约时间', 'card.lawyer': '律师', 'card.firm': '律师事务所',
  'card.detainee': '在押人员', 'card.case': '案号', 'card.place': '会见地点',
  'state.WAITING': '等待在押人员就位', 'state.DETAINEE_READY': '在押人员已就位', 'state.CONNECTED': '会见中',
  'state.ENDED': '会见已结束', 'state.TERMINATED': '会见已被终止',
  'ready.button': '就位', 'ready.done': '已就位，正在等待律师接通…', 'ready.withdraw': '取消就位',
  'connect.prompt': '对方已就位', 'connect.button': '请按此键接通', 'connect.waiting': '等待在押人员就位…',
  'connect.notCheckedIn': '律师尚未在会见中心签到，请先到前台签到。',
  'call.hangup': '结束会见', 'call.confirmHangup': '确定结束本次会见吗？', 'call.elapsed': '已用时',
  'call.remaining': '剩余', 'call.connecting': '正在建立视频连接…', 'call.local': '本端', 'call.remote': '对方',
  'call.quality': '画质', 'call.limited.bandwidth': '（网络受限）', 'call.limited.cpu': '（设备负载高）',
  'reminder.title': '监管提醒', 'warning.minutes': '距离会见结束还有 {n} 分钟',
  'ended.title': '会见已结束', 'terminated.title': '会见已被监管人员终止', 'ended.reason': '原因：{reason}',
  'reason.time limit reached': '已到通话时限', 'camera.denied': '无法打开摄像头或麦克风：{message}',
  'error': '操作未成功：{message}', 'peer.offline': '对方终端连接中断，正在等待恢复…',
  'media.unavailable': '媒体服务器暂不可用，会见无法进行，请联系工作人员', 'media.unrecorded': '媒体服务器不可用：本次会见以点对点方式进行，不录像',
  'doc.button': '文书展示', 'doc.source': '拍摄来源', 'doc.serverCamera': '高拍仪', 'doc.browserCamera': '本机高拍仪',
  'doc.file': '选择文件…', 'doc.take': '拍摄并展示', 'doc.shown': '律师正在展示文书', 'doc.zoomIn': '放大', 'doc.zoomOut': '缩小',
  'doc.fit': '适合页面', 'doc.search': '搜索文字', 'doc.hits': '{n} 处匹配', 'doc.close': '关闭', 'doc.empty': '请拍摄文书或选择文件',
  'doc.waiting': '等待律师展示文书…', 'doc.capturing': '正在拍摄…', 'doc.sending': '正在上传…',
  'doc.stage.queued': '排队等待处理…', 'doc.stage.deskewing': '正在校正页面… {n}%', 'doc.stage.recognising': '正在识别文字… {n}%',
  'doc.stage.processing': '正在处理… {n}%', 'doc.busy': '服务器正忙，请 {s} 秒后再试', 'doc.refused': '未能展示：{message}',
  'doc.failed': '文书处理失败：{reason}', 'doc.cameraFailed': '无法使用高拍仪：{message}', 'doc.noDevice': '未找到高拍仪（{label}）',
  'transcript.button': '会见笔录',
};
const en = {
  title: 'Meeting terminal',
  'kind.LAWYER': 'Lawyer terminal', 'kind.DETAINEE': 'Detainee terminal',
  'setup.title': 'Register this terminal', 'setup.intro': 'Enter the device credential an administrator issued for this terminal (it starts with hjt_). It is kept on this terminal only.',
  'setup.secret': 'Device credential', 'setup.save': 'Save and connect', 'setup.invalid': 'The device credential is not valid or was revoked; ask an administrator for a new one.',
  'setup.format': 'A device credential starts with hjt_ and has 47 characters.', 'setup.forget': 'Change the credential',
  'conn.online': 'Connected', 'conn.connecting': 'Connecting to the server…', 'conn.retry': 'Connection lost; retrying in {s} s…',
  'idle.none': 'No meeting now', 'idle.hint': 'When a booked meeting is due it appears here by itself.',
  'card.booking': 'Booking', 'card.time': 'Booked time', 'card.lawyer': 'Lawyer', 'card.firm': 'Law firm',
  'card.detainee': 'Detainee', 'card.case': 'Case', 'card.place': 'Place',
  'state.WAITING': 'Waiting for the detainee', 'state.DETAINEE_READY': 'The detainee is ready', 'state.CONNECTED': 'In the meeting',
  'state.ENDED': 'The meeting has ended', 'state.TERMINATED': 'The meeting was terminated',
  'ready.button': 'Ready', 'ready.done': 'Ready, connecting — waiting for the lawyer…', 'ready.withdraw': 'Withdraw Ready',
  'connect.prompt': 'The other side is ready', 'connect.button': 'Press to connect', 'connect.waiting': 'Waiting for the detainee to be ready…',
  'connect.notCheckedIn': 'The lawyer has not checked in at the centre yet; please check in at the desk first.',
  'call.hangup': 'End the meeting', 'call.confirmHangup': 'End this meeting?', 'call.elapsed': 'Elapsed',
  'call.remaining': 'Left', 'call.connecting': 'Setting up the video…', 'call.local': 'This side', 'call.remote': 'Other side',
  'call.quality': 'Quality', 'call.limited.bandwidth': ' (network limited)', 'call.limited.cpu': ' (device busy)',
  'reminder.title': 'Supervisor reminder', 'warning.minutes': '{n} minute(s) left in this meeting',
  'ended.title': 'The meeting has ended', 'terminated.title': 'The meeting was terminated by a supervisor', 'ended.reason': 'Reason: {reason}',
  'reason.time limit reached': 'the time limit was reached', 'camera.denied': 'Cannot open the camera or microphone: {message}',
  'error': 'Not done: {message}', 'peer.offline': 'The other terminal lost its connection; waiting for it…',
  'media.unavailable': 'The media server is unavailable: the meeting cannot go on; please call the staff',
  'media.unrecorded': 'The media server is unavailable: this meeting goes peer-to-peer and is not recorded',
  'doc.button': 'Show a document', 'doc.source': 'Source', 'doc.serverCamera': 'Document camera', 'doc.browserCamera': 'This terminal\'s document camera',
  'doc.file': 'Choose a file…', 'doc.take': 'Capture and show', 'doc.shown': 'The lawyer is showing a document', 'doc.zoomIn': 'Zoom in', 'doc.zoomOut': 'Zoom out',
  'doc.fit': 'Fit page', 'doc.search': 'Search the text', 'doc.hits': '{n} match(es)', 'doc.close': 'Close', 'doc.empty': 'Capture a document or choose a file',
  'doc.waiting': 'Waiting for the lawyer to show a document…', 'doc.capturing': 'Taking the picture…', 'doc.sending': 'Uploading…',
  'doc.stage.queued': 'Waiting in the queue…', 'doc.stage.deskewing': 'Straightening the page… {n}%', 'doc.stage.recognising': 'Reading the text… {n}%',
  'doc.stage.processing': 'Processing… {n}%', 'doc.busy': 'The server is busy; try again in {s} s', 'doc.refused': 'Not shown: {message}',
  'doc.failed': 'The document could not be processed: {reason}', 'doc.cameraFailed': 'Cannot use the document camera: {message}', 'doc.noDevice': 'Document camera not found ({label})',
  'transcript.button': 'Meeting transcript',
};
const KEY = 'huijian.kiosk.lang';
let current = (() => { try { return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN'; } catch { return 'zh-CN'; } })();

export function lang() { return current; }
export function toggleLang() {
  current = current === 'en' ? 'zh-CN' : 'en';
  try { localStorage.setItem(KEY, current); } catch { /* not remembered */ }
  document.documentElement.lang = current;
}
export function t(key, params) {
  const text = (current === 'en' ? en[key] : undefined) ?? zh[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (m, n) => (params[n] != null ? String(params[n]) : m)) : text;
}
/** A server reason in the terminal's language where it is a known one, else as written. */
export function reason(text) {
  const known = zh[`reason.${text}`];
  return known ? t(`reason.${text}`) : text;
}
