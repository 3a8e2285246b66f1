/**
 * Every localized text the simulator prints, per display language. English is complete; the other
 * languages override what they translate. A text missing from a language falls back to English,
 * which is what we do when no real capture (or well-known Windows message text) exists: better an
 * honest English line than an invented translation. `sample:` names the file in
 * test/fixtures/windows-outputs/real a text was copied from; `win32 N` marks a standard system message text.
 */
import type { Language, SimTcpState } from './state';

export interface Texts {
  // netsh interface ipvX show excludedportrange
  excludedTitle: (protocol: string) => string;
  excludedHeader: string;
  excludedFooter: string;
  // netsh interface ipvX show dynamicport
  dynamicTitle: (protocol: string) => string;
  dynamicStartLabel: string;
  dynamicCountLabel: string;
  // netsh interface portproxy show
  portproxyTitle: (listen: string, connect: string) => string;
  portproxyHeader: string;
  /** netsh's success line for add excludedportrange / set dynamicport / advfirewall. */
  ok: string;
  elevationRequired: string;
  /** win32 32, what `add excludedportrange` prints over a port in use or an existing range. */
  sharingViolation: string;
  /** win32 2 */
  fileNotFound: string;
  /** win32 87 */
  parameterIncorrect: string;
  /** win32 1359, the default text of an injected 'fail' fault. */
  internalError: string;
  /** win32 5 */
  accessDenied: string;
  commandNotFound: (command: string) => string;
  // net.exe
  systemError: (code: number) => string;
  netHelp: (code: number) => string;
  serviceStopping: (name: string) => string;
  serviceStopped: (name: string) => string;
  serviceStarting: (name: string) => string;
  serviceStarted: (name: string) => string;
  serviceNotStarted: (name: string) => string;
  serviceAlreadyStarted: string;
  serviceNameInvalid: string;
  noEntries: string;
  // sc.exe
  serviceDoesNotExist: string;
  // netstat
  netstatTitle: string;
  /** The `-ano` header; `-an` prints it up to the state column. */
  netstatHeader: string;
  netstatStates: Partial<Record<SimTcpState, string>>;
  // tasklist / taskkill
  noTasks: string;
  taskkillSuccess: (pid: number) => string;
  taskkillNotFound: (pid: string) => string;
  taskkillCannot: (pid: number) => string;
  taskkillReason: (reason: string) => string;
  criticalProcess: string;
  // schtasks
  /** SCHED_E_MALFORMEDXML (0x8004131A), what /Create /XML prints for a file that is not a task definition. */
  taskXmlMalformed: string;
}

const EN: Texts = {
  // sample: excludedportrange-tcp.en.7-trailing-spaces.txt
  excludedTitle: (protocol) => `Protocol ${protocol} Port Exclusion Ranges`,
  excludedHeader: 'Start Port    End Port',
  excludedFooter: '* - Administered port exclusions.',
  // sample: dynamicport-tcp.en.1-interactive-netsh.txt
  dynamicTitle: (protocol) => `Protocol ${protocol} Dynamic Port Range`,
  dynamicStartLabel: 'Start Port      : ',
  dynamicCountLabel: 'Number of Ports : ',
  // sample: portproxy-show-all.en.1.txt
  portproxyTitle: (listen, connect) => `Listen on ${listen}:             Connect to ${connect}:`,
  portproxyHeader: 'Address         Port        Address         Port',
  // sample: session-winnat-stop-add-start.en.1-annotated.txt
  ok: 'Ok.',
  // sample: error-elevation-advfirewall-add.en.1.txt
  elevationRequired: 'The requested operation requires elevation (Run as administrator).',
  sharingViolation: 'The process cannot access the file because it is being used by another process.',
  fileNotFound: 'The system cannot find the file specified.',
  parameterIncorrect: 'The parameter is incorrect.',
  internalError: 'An internal error occurred.',
  accessDenied: 'Access is denied.',
  commandNotFound: (command) => `The following command was not found: ${command}.`,
  // sample: session-winnat-notstarted-accessdenied-netstat-taskkill.en.1.txt, net-stop-start-winnat.en.*
  systemError: (code) => `System error ${code} has occurred.`,
  netHelp: (code) => `More help is available by typing NET HELPMSG ${code}.`,
  serviceStopping: (name) => `The ${name} service is stopping`,
  serviceStopped: (name) => `The ${name} service was stopped successfully.`,
  serviceStarting: (name) => `The ${name} service is starting`,
  serviceStarted: (name) => `The ${name} service was started successfully.`,
  serviceNotStarted: (name) => `The ${name} service is not started.`,
  serviceAlreadyStarted: 'The requested service has already been started.',
  serviceNameInvalid: 'The service name is invalid.',
  noEntries: 'There are no entries in the list.',
  serviceDoesNotExist: 'The specified service does not exist as an installed service.',
  // sample: netstat-anob-more.en.1.txt
  netstatTitle: 'Active Connections',
  netstatHeader: '  Proto  Local Address          Foreign Address        State           PID',
  netstatStates: {},
  noTasks: 'INFO: No tasks are running which match the specified criteria.',
  // sample: session-winnat-notstarted-accessdenied-netstat-taskkill.en.1.txt
  taskkillSuccess: (pid) => `SUCCESS: The process with PID ${pid} has been terminated.`,
  taskkillNotFound: (pid) => `ERROR: The process "${pid}" not found.`,
  taskkillCannot: (pid) => `ERROR: The process with PID ${pid} could not be terminated.`,
  taskkillReason: (reason) => `Reason: ${reason}`,
  criticalProcess: 'This is critical system process. Taskkill cannot end this process.',
  taskXmlMalformed: 'The task XML is malformed.',
};

const KO: Partial<Texts> = {
  // sample: excludedportrange-tcp.ko.1.txt
  excludedTitle: (protocol) => `프로토콜 ${protocol} 포트 제외 범위`,
  excludedHeader: '시작 포트    끝 포트',
  excludedFooter: '* - 관리 포트 제외입니다.',
  // unverified: only a Python test fixture (SOURCES.md §2); the parser reads the numbers by shape anyway.
  dynamicTitle: (protocol) => `프로토콜 ${protocol} 동적 포트 범위`,
  dynamicStartLabel: '시작 포트      : ',
  dynamicCountLabel: '포트 수        : ',
  // sample: portproxy-show-v4tov4.ko.1.txt (the header is padded by display width: a Hangul syllable is 2 columns)
  portproxyTitle: (listen, connect) => `${listen} 수신 대기:             ${connect}에 연결:`,
  portproxyHeader: '주소            포트        주소            포트',
  // sample: session-setdynamic-regadd-excludedportrange.ko.1.txt
  ok: '확인됨',
  // The Win32 740 text as PowerShell printed it (SOURCES.md §4); netsh's own Korean wording is not captured.
  elevationRequired: '요청한 작업을 수행하려면 권한 상승이 필요합니다.',
  sharingViolation: '다른 프로세스가 파일을 사용 중이기 때문에 프로세스가 액세스 할 수 없습니다.',
  fileNotFound: '지정된 파일을 찾을 수 없습니다.',
  parameterIncorrect: '매개 변수가 틀립니다.',
  internalError: '내부 오류가 발생했습니다.',
  accessDenied: '액세스가 거부되었습니다.',
  systemError: (code) => `시스템 오류 ${code}이(가) 발생했습니다.`,
  // sample: net-stop-invalid-service-name.ko.1.txt
  netHelp: (code) => `NET HELPMSG ${code}을(를) 입력하면 도움말을 더 볼 수 있습니다.`,
  serviceNameInvalid: '서비스 이름이 잘못되었습니다.',
  // sample: net-stop-start-usermode-service.ko.1.txt, net-stop-start-winnat.ko.1.txt
  serviceStopping: (name) => `${name} 서비스를 멈춥니다`,
  serviceStopped: (name) => `${name} 서비스를 잘 멈추었습니다.`,
  serviceStarting: (name) => `${name} 서비스를 시작합니다`,
  serviceStarted: (name) => `${name} 서비스가 잘 시작되었습니다.`,
  serviceNotStarted: (name) => `${name} 서비스가 시작되지 않았습니다.`,
  serviceAlreadyStarted: '요청한 서비스가 이미 시작되었습니다.',
  noEntries: '목록에 항목이 없습니다.',
  serviceDoesNotExist: '지정된 서비스가 설치된 서비스로 존재하지 않습니다.',
  // sample: netstat-ano-p-tcp.ko.1-fragment.txt (states stay English in every real Korean capture)
  netstatTitle: '활성 연결',
  netstatHeader: '  프로토콜  로컬 주소              외부 주소              상태            PID',
  // sample: taskkill.ko.1.txt
  taskkillSuccess: (pid) => `성공: 프로세스(PID ${pid})가 종료되었습니다.`,
};

const DE: Partial<Texts> = {
  // sample: excludedportrange-tcp.de.1.txt
  excludedTitle: (protocol) => `Portausschlussbereiche für das Protokoll "${protocol}"`,
  excludedHeader: 'Startport      Endport',
  excludedFooter: '* - Verwaltete Portausschlüsse.',
  ok: 'OK.',
  elevationRequired: 'Der angeforderte Vorgang erfordert erhöhte Rechte (Als Administrator ausführen).',
  sharingViolation: 'Der Prozess kann nicht auf die Datei zugreifen, da sie von einem anderen Prozess verwendet wird.',
  fileNotFound: 'Das System kann die angegebene Datei nicht finden.',
  parameterIncorrect: 'Falscher Parameter.',
  internalError: 'Interner Fehler.',
  accessDenied: 'Zugriff verweigert',
  systemError: (code) => `Systemfehler ${code} aufgetreten.`,
  netHelp: (code) => `Sie erhalten weitere Hilfe, wenn Sie NET HELPMSG ${code} eingeben.`,
  serviceStopping: (name) => `${name} wird beendet`,
  serviceStopped: (name) => `${name} wurde erfolgreich beendet.`,
  serviceStarting: (name) => `${name} wird gestartet`,
  serviceStarted: (name) => `${name} wurde erfolgreich gestartet.`,
  serviceNotStarted: (name) => `${name} wurde nicht gestartet.`,
  serviceAlreadyStarted: 'Der angeforderte Dienst wurde bereits gestartet.',
  serviceNameInvalid: 'Der Dienstname ist ungültig.',
  noEntries: 'Es sind keine Einträge in der Liste.',
  // sample: netstat-an.de.1-cp850-mojibake-fragment.txt (German is the one locale that translates states)
  netstatTitle: 'Aktive Verbindungen',
  netstatHeader: '  Proto  Lokale Adresse         Remoteadresse          Status          PID',
  netstatStates: {
    LISTENING: 'ABHÖREN',
    ESTABLISHED: 'HERGESTELLT',
    TIME_WAIT: 'WARTEND',
    CLOSE_WAIT: 'SCHLIESSEN_WARTEN',
    FIN_WAIT_2: 'FIN_WARTEN_2',
  },
  taskkillSuccess: (pid) => `ERFOLGREICH: Der Prozess mit PID ${pid} wurde beendet.`,
  taskkillNotFound: (pid) => `FEHLER: Der Prozess "${pid}" wurde nicht gefunden.`,
};

const ZH_CN: Partial<Texts> = {
  // sample: excludedportrange-tcp.zh-CN.1.txt
  excludedTitle: (protocol) => `协议 ${protocol} 端口排除范围`,
  excludedHeader: '开始端口    结束端口',
  excludedFooter: '* - 管理的端口排除。',
  // sample: dynamicport-tcp.zh-CN.1.txt
  dynamicTitle: (protocol) => `协议 ${protocol} 动态端口范围`,
  dynamicStartLabel: '启动端口        : ',
  dynamicCountLabel: '端口数          : ',
  // sample: session-portproxy-add-show-delete.zh-CN.1-indented.txt (the title is NOT padded to column 28)
  portproxyTitle: (listen, connect) => `侦听 ${listen}:                 连接到 ${connect}:`,
  portproxyHeader: '地址            端口        地址            端口',
  // sample: set-dynamicport.zh-CN.1.txt
  ok: '确定。',
  elevationRequired: '请求的操作需要提升(作为管理员运行)。',
  sharingViolation: '另一个程序正在使用此文件，进程无法访问。',
  fileNotFound: '系统找不到指定的文件。',
  parameterIncorrect: '参数错误。',
  internalError: '发生内部错误。',
  accessDenied: '拒绝访问。',
  systemError: (code) => `发生系统错误 ${code}。`,
  netHelp: (code) => `请键入 NET HELPMSG ${code} 以获得更多的帮助。`,
  serviceStopping: (name) => `${name} 服务正在停止`,
  serviceStopped: (name) => `${name} 服务已成功停止。`,
  serviceStarting: (name) => `${name} 服务正在启动 `,
  serviceStarted: (name) => `${name} 服务已经启动成功。`,
  serviceNotStarted: (name) => `${name} 服务未启动。`,
  serviceAlreadyStarted: '请求的服务已经启动。',
  serviceNameInvalid: '服务名无效。',
  noEntries: '列表是空的。',
  // sample: netstat-ano.zh-CN.1-fragment.txt (English states, as in every real zh capture)
  netstatTitle: '活动连接',
  netstatHeader: '  协议  本地地址                外部地址              状态             PID',
  taskkillSuccess: (pid) => `成功: 已终止 PID 为 ${pid} 的进程。`,
  taskkillNotFound: (pid) => `错误: 没有找到进程 "${pid}"。`,
};

const OVERRIDES: Readonly<Record<Language, Partial<Texts>>> = { en: {}, ko: KO, de: DE, 'zh-CN': ZH_CN };

export const textsFor = (language: Language): Texts => ({ ...EN, ...OVERRIDES[language] });
