/**
 * `netsh` over the machine: the subset of contexts the app uses, with netsh's own answers for
 * everything else. Usage texts are shortened approximations of netsh's help (the exact help text was
 * not captured); their shape (error line, syntax line, blank, `Usage: ...`) follows
 * error-invalid-argument-exit0.en.1-fragment.txt.
 */
import { netshElevationRequired } from './denials';
import { matchKeyword, parseInteger, parseParams, type ParamSpec } from './netsh-argv';
import { stdoutOf, type SimOutput } from './output';
import { renderDynamicRange, renderExcludedTable, renderFirewallRules, renderPortProxy } from './render-netsh';
import { isPortInUse } from './sockets';
import {
  PORTPROXY_TYPES,
  proxyKey,
  type Machine,
  type PortProxyType,
  type SimIpVersion,
  type SimProtocol,
} from './state';
import type { Texts } from './texts';

interface Context {
  readonly machine: Machine;
  readonly texts: Texts;
}

interface Leaf {
  readonly kind: 'leaf';
  readonly params: readonly ParamSpec[];
  readonly usage: readonly string[];
  readonly mutating: boolean;
  readonly run: (ctx: Context, values: Readonly<Record<string, string>>) => SimOutput;
}

interface Branch {
  readonly kind: 'branch';
  /** Every real name at this level, implemented or not, so prefixes are ambiguous exactly where netsh's are. */
  readonly names: readonly string[];
  readonly children: Readonly<Record<string, Node>>;
}

type Node = Leaf | Branch;

const leaf = (spec: Omit<Leaf, 'kind'>): Leaf => ({ kind: 'leaf', ...spec });
const branch = (names: readonly string[], children: Readonly<Record<string, Node>>): Branch => ({
  kind: 'branch',
  names,
  children,
});

// ---- shared answers ----------------------------------------------------------------------------

const ok = ({ texts }: Context): SimOutput => stdoutOf(0, [texts.ok, '']);
/** portproxy add/set/delete/reset print nothing but a line break (session-portproxy-add-show.ko.1.txt). */
const silent = (): SimOutput => stdoutOf(0, ['']);
const parameterIncorrect = ({ texts }: Context): SimOutput => stdoutOf(1, [texts.parameterIncorrect, '']);

const protocolValue = (value: string | undefined): SimProtocol | null => {
  const word = value?.toLowerCase();
  return word === 'tcp' || word === 'udp' ? word : null;
};

const badValue = (ctx: Context, tag: string, value: string): SimOutput =>
  stdoutOf(1, [`'${value}' is not an acceptable value for ${tag}.`, ctx.texts.parameterIncorrect, '']);

/** startport/numberofports pairs as netsh checks them: a non-empty range inside 1..65535. */
const portSpan = (values: Readonly<Record<string, string>>): { start: number; count: number } | null => {
  const start = parseInteger(values.startport);
  const count = parseInteger(values.numberofports);
  return start === null || count === null || start < 1 || count < 1 || start + count - 1 > 65535
    ? null
    : { start, count };
};

const withProtocol = (
  ctx: Context,
  values: Readonly<Record<string, string>>,
  then: (protocol: SimProtocol) => SimOutput,
): SimOutput => {
  const protocol = protocolValue(values.protocol);
  return protocol ? then(protocol) : badValue(ctx, 'protocol', values.protocol ?? '');
};

// ---- interface ipv4|ipv6 -----------------------------------------------------------------------

const STORE: ParamSpec = { tag: 'store' };
const RANGE_PARAMS: readonly ParamSpec[] = [
  { tag: 'protocol', required: true },
  { tag: 'startport', required: true },
  { tag: 'numberofports', required: true },
  STORE,
];

const showExcluded = (v: SimIpVersion): Leaf =>
  leaf({
    params: [{ tag: 'protocol', required: true }, STORE],
    usage: [
      'Usage: show excludedportrange [protocol=]tcp|udp [[store=]active|persistent]',
      '',
      'Remarks: Displays all excluded port ranges.',
      '',
      'Example:',
      '',
      '       show excludedportrange tcp',
    ],
    mutating: false,
    run: (ctx, values) =>
      withProtocol(ctx, values, (protocol) =>
        stdoutOf(0, renderExcludedTable(ctx.texts, protocol, ctx.machine.excluded[v][protocol])),
      ),
  });

/**
 * Fails with Win32 32 (sharing violation) over a port in use or any existing row, WinNAT's included:
 * the reason the forum fix is stop winnat -> add -> start winnat (session-winnat-stop-add-start.en.1).
 */
const addExcluded = (v: SimIpVersion): Leaf =>
  leaf({
    params: RANGE_PARAMS,
    usage: [
      'Usage: add excludedportrange [protocol=]tcp|udp [startport=]<integer> [numberofports=]<integer> [[store=]active|persistent]',
      '',
      'Remarks: Adds an excluded port range.',
      '',
      'Example:',
      '',
      '       add excludedportrange tcp 1433 1',
    ],
    mutating: true,
    run: (ctx, values) =>
      withProtocol(ctx, values, (protocol) => {
        const span = portSpan(values);
        if (!span) return parameterIncorrect(ctx);
        const end = span.start + span.count - 1;
        const table = ctx.machine.excluded[v][protocol];
        if (
          table.some((r) => r.start <= end && span.start <= r.end) ||
          isPortInUse(ctx.machine, v, protocol, span.start, end)
        ) {
          return stdoutOf(1, [ctx.texts.sharingViolation, '']);
        }
        table.push({ start: span.start, end, administered: true });
        return ok(ctx);
      }),
  });

/** Only an administered row, matched on start AND count; WinNAT's rows cannot be deleted (docs/architecture.md §1). */
const deleteExcluded = (v: SimIpVersion): Leaf =>
  leaf({
    params: RANGE_PARAMS,
    usage: [
      'Usage: delete excludedportrange [protocol=]tcp|udp [startport=]<integer> [numberofports=]<integer> [[store=]active|persistent]',
      '',
      'Remarks: Deletes an excluded port range.',
      '',
      'Example:',
      '',
      '       delete excludedportrange tcp 1433 1',
    ],
    mutating: true,
    run: (ctx, values) =>
      withProtocol(ctx, values, (protocol) => {
        const span = portSpan(values);
        if (!span) return parameterIncorrect(ctx);
        const table = ctx.machine.excluded[v][protocol];
        const index = table.findIndex(
          (r) => r.administered && r.start === span.start && r.end === span.start + span.count - 1,
        );
        if (index === -1) return stdoutOf(1, [ctx.texts.fileNotFound, '']);
        table.splice(index, 1);
        return ok(ctx);
      }),
  });

const showDynamic = (v: SimIpVersion): Leaf =>
  leaf({
    params: [{ tag: 'protocol', required: true }, STORE],
    usage: [
      'Usage: show dynamicportrange [protocol=]tcp|udp [[store=]active|persistent]',
      '',
      'Remarks: Displays dynamic port range configuration parameters.',
    ],
    mutating: false,
    run: (ctx, values) =>
      withProtocol(ctx, values, (protocol) =>
        stdoutOf(0, renderDynamicRange(ctx.texts, protocol, ctx.machine.dynamic[v][protocol])),
      ),
  });

/**
 * Persistent; existing WinNAT reservations stay where they are until it restarts. Microsoft documents
 * at least 255 ports; the start may be 1024 (machines moved there by updates show 1024 / 64511,
 * dynamicport-tcp.en.1-interactive-netsh.txt).
 */
const setDynamic = (v: SimIpVersion): Leaf =>
  leaf({
    params: RANGE_PARAMS,
    usage: [
      'Usage: set dynamicportrange [protocol=]tcp|udp [startport=]<integer> [numberofports=]<integer> [[store=]active|persistent]',
      '',
      'Remarks: Sets the range of ports used for dynamic port assignment.',
      '',
      'Example:',
      '',
      '       set dynamicportrange tcp startport=49152 numberofports=16384',
    ],
    mutating: true,
    run: (ctx, values) =>
      withProtocol(ctx, values, (protocol) => {
        const span = portSpan(values);
        if (!span || span.start < 1024 || span.count < 255) return parameterIncorrect(ctx);
        ctx.machine.dynamic[v][protocol] = span;
        return ok(ctx);
      }),
  });

const ipContext = (v: SimIpVersion): Branch =>
  branch(['add', 'delete', 'dump', 'help', 'install', 'reset', 'set', 'show', 'uninstall'], {
    show: branch(
      [
        'addresses',
        'compartments',
        'config',
        'destinationcache',
        'dnsservers',
        'dynamicportrange',
        'excludedportrange',
        'global',
        'icmpstats',
        'interfaces',
        'ipaddresses',
        'ipnettomedia',
        'ipstats',
        'joins',
        'neighbors',
        'offload',
        'route',
        'subinterfaces',
        'tcpconnections',
        'tcpstats',
        'udpconnections',
        'udpstats',
        'winsservers',
      ],
      { excludedportrange: showExcluded(v), dynamicportrange: showDynamic(v) },
    ),
    add: branch(['address', 'dnsservers', 'excludedportrange', 'neighbors', 'route', 'winsservers'], {
      excludedportrange: addExcluded(v),
    }),
    delete: branch(
      [
        'address',
        'arpcache',
        'destinationcache',
        'dnsservers',
        'excludedportrange',
        'neighbors',
        'route',
        'winsservers',
      ],
      {
        excludedportrange: deleteExcluded(v),
      },
    ),
    set: branch(
      [
        'address',
        'compartment',
        'dnsservers',
        'dynamicportrange',
        'global',
        'interface',
        'neighbors',
        'route',
        'subinterface',
        'winsservers',
      ],
      {
        dynamicportrange: setDynamic(v),
      },
    ),
  });

// ---- interface portproxy -----------------------------------------------------------------------

const PROXY_ADD_PARAMS: readonly ParamSpec[] = [
  { tag: 'listenport', required: true },
  { tag: 'connectaddress', required: true },
  { tag: 'connectport' },
  { tag: 'listenaddress' },
  { tag: 'protocol' },
];

const validPort = (text: string | undefined): number | null => {
  const port = parseInteger(text);
  return port !== null && port >= 1 && port <= 65535 ? port : null;
};

/** portproxy is TCP only (docs/architecture.md §1). The omitted listen address is stored and shown as `*` (session-portproxy-add-show-delete.zh-CN). */
const listenKeyOf = (values: Readonly<Record<string, string>>): string | null => {
  const port = validPort(values.listenport);
  if (port === null || (values.protocol !== undefined && values.protocol.toLowerCase() !== 'tcp')) return null;
  return proxyKey(values.listenaddress || '*', port);
};

/** `add` over an existing listen key silently replaces it (session-portproxy-readd-show.ko.1-redacted.txt); `set` needs it to exist. */
const putProxy = (type: PortProxyType, mustExist: boolean): Leaf =>
  leaf({
    params: PROXY_ADD_PARAMS,
    usage: [
      `Usage: ${mustExist ? 'set' : 'add'} ${type} [listenport=]<integer>|<servicename> [connectaddress=]<IPv4 address>|<hostname> [[connectport=]<integer>|<servicename>] [[listenaddress=]<IPv4 address>|<hostname>] [[protocol=]tcp]`,
    ],
    mutating: true,
    run: (ctx, values) => {
      const key = listenKeyOf(values);
      const connectPort =
        values.connectport === undefined ? validPort(values.listenport) : validPort(values.connectport);
      if (key === null || connectPort === null || !values.connectaddress) return parameterIncorrect(ctx);
      const rules = ctx.machine.portproxy[type];
      if (mustExist && !(key in rules)) return stdoutOf(1, [ctx.texts.fileNotFound, '']);
      rules[key] = proxyKey(values.connectaddress, connectPort);
      return silent();
    },
  });

const deleteProxy = (type: PortProxyType): Leaf =>
  leaf({
    params: [{ tag: 'listenport', required: true }, { tag: 'listenaddress' }, { tag: 'protocol' }],
    usage: [
      `Usage: delete ${type} [listenport=]<integer>|<servicename> [[listenaddress=]<IPv4 address>|<hostname>] [[protocol=]tcp]`,
    ],
    mutating: true,
    run: (ctx, values) => {
      const key = listenKeyOf(values);
      if (key === null) return parameterIncorrect(ctx);
      const rules = ctx.machine.portproxy[type];
      if (!(key in rules)) return stdoutOf(1, [ctx.texts.fileNotFound, '']);
      delete rules[key];
      return silent();
    },
  });

const showProxy = (types: readonly PortProxyType[]): Leaf =>
  leaf({
    params: [],
    usage: [`Usage: show ${types.length === 1 ? types[0] : 'all'}`],
    mutating: false,
    run: (ctx) =>
      stdoutOf(
        0,
        renderPortProxy(
          ctx.texts,
          types.map((type) => ({ type, rules: ctx.machine.portproxy[type] })),
        ),
      ),
  });

const perType = (make: (type: PortProxyType) => Leaf): Branch =>
  branch(PORTPROXY_TYPES, Object.fromEntries(PORTPROXY_TYPES.map((type) => [type, make(type)])));

const portproxyContext = branch(['add', 'delete', 'dump', 'help', 'reset', 'set', 'show'], {
  add: perType((type) => putProxy(type, false)),
  set: perType((type) => putProxy(type, true)),
  delete: perType(deleteProxy),
  reset: leaf({
    params: [],
    usage: ['Usage: reset'],
    mutating: true,
    run: (ctx) => {
      for (const type of PORTPROXY_TYPES) ctx.machine.portproxy[type] = {};
      return silent();
    },
  }),
  show: branch(['all', ...PORTPROXY_TYPES], {
    all: showProxy(PORTPROXY_TYPES),
    ...Object.fromEntries(PORTPROXY_TYPES.map((type) => [type, showProxy([type])])),
  }),
});

// ---- advfirewall firewall ----------------------------------------------------------------------

const RULE_FILTERS: readonly ParamSpec[] = [
  'dir',
  'profile',
  'program',
  'service',
  'localip',
  'remoteip',
  'localport',
  'remoteport',
  'protocol',
].map((tag) => ({ tag }));
const NO_RULES = 'No rules match the specified criteria.';

const addRule = leaf({
  params: [
    { tag: 'name', required: true },
    { tag: 'dir', required: true },
    { tag: 'action', required: true },
    ...[
      'program',
      'service',
      'description',
      'enable',
      'profile',
      'localip',
      'remoteip',
      'localport',
      'remoteport',
      'protocol',
      'interfacetype',
      'rmtcomputergrp',
      'rmtusrgrp',
      'edge',
      'security',
    ].map((tag) => ({ tag })),
  ],
  usage: [
    'Usage: add rule name=<string>',
    '      dir=in|out',
    '      action=allow|block|bypass',
    '      [protocol=0-255|icmpv4|icmpv6|icmpv4:type,code|icmpv6:type,code|tcp|udp|any]',
    '      [localport=0-65535|<port range>[,...]|any (default=any)]',
  ],
  mutating: true,
  run: (ctx, values) => {
    const dir = values.dir?.toLowerCase();
    const action = values.action?.toLowerCase();
    if ((dir !== 'in' && dir !== 'out') || (action !== 'allow' && action !== 'block')) return parameterIncorrect(ctx);
    ctx.machine.firewallRules.push({
      name: values.name ?? '',
      dir,
      action,
      protocol: values.protocol ?? 'any',
      localport: values.localport ?? 'Any',
    });
    return ok(ctx);
  },
});

const matchingRules = (machine: Machine, values: Readonly<Record<string, string>>) =>
  machine.firewallRules.filter(
    (rule) =>
      (values.name?.toLowerCase() === 'all' || rule.name === values.name) &&
      (values.dir === undefined || rule.dir === values.dir.toLowerCase()) &&
      (values.protocol === undefined || rule.protocol.toLowerCase() === values.protocol.toLowerCase()) &&
      (values.localport === undefined || rule.localport === values.localport),
  );

const deleteRule = leaf({
  params: [{ tag: 'name', required: true }, ...RULE_FILTERS],
  usage: [
    'Usage: delete rule name=<string>',
    '      [dir=in|out]',
    '      [protocol=0-255|icmpv4|icmpv6|tcp|udp|any]',
    '      [localport=0-65535|any]',
  ],
  mutating: true,
  run: (ctx, values) => {
    const doomed = new Set(matchingRules(ctx.machine, values));
    if (doomed.size === 0) return stdoutOf(1, ['', NO_RULES, '']);
    ctx.machine.firewallRules = ctx.machine.firewallRules.filter((rule) => !doomed.has(rule));
    return stdoutOf(0, ['', `Deleted ${doomed.size} rule(s).`, ctx.texts.ok, '']);
  },
});

const showRule = leaf({
  // `dir` filters like it does for delete (Portwarden reads `show rule name=all dir=in` once).
  params: [{ tag: 'name', required: true }, { tag: 'dir' }, { tag: 'profile' }, { tag: 'type' }, { tag: 'verbose' }],
  usage: [
    'Usage: show rule name=all|<string>',
    '      [dir=in|out]',
    '      [profile=public|private|domain|any[,...]]',
    '      [type=static|dynamic]',
    '      [verbose]',
  ],
  mutating: false,
  run: (ctx, values) => {
    const rules = matchingRules(ctx.machine, {
      name: values.name ?? '',
      ...(values.dir === undefined ? {} : { dir: values.dir }),
    });
    return rules.length === 0 ? stdoutOf(1, ['', NO_RULES, '']) : stdoutOf(0, renderFirewallRules(rules, ctx.texts.ok));
  },
});

const advfirewallContext = branch(
  ['consec', 'dump', 'export', 'firewall', 'help', 'import', 'mainmode', 'monitor', 'reset', 'set', 'show'],
  {
    firewall: branch(['add', 'delete', 'dump', 'help', 'set', 'show'], {
      add: branch(['rule'], { rule: addRule }),
      delete: branch(['rule'], { rule: deleteRule }),
      show: branch(['rule'], { rule: showRule }),
    }),
  },
);

// ---- the root ----------------------------------------------------------------------------------

const NETSH = branch(
  [
    'add',
    'advfirewall',
    'branchcache',
    'bridge',
    'delete',
    'dhcpclient',
    'dnsclient',
    'dump',
    'exec',
    'firewall',
    'help',
    'http',
    'interface',
    'ipsec',
    'lan',
    'mbn',
    'namespace',
    'netio',
    'p2p',
    'ras',
    'rpc',
    'set',
    'show',
    'trace',
    'wcn',
    'wfp',
    'winhttp',
    'winsock',
    'wlan',
  ],
  {
    advfirewall: advfirewallContext,
    interface: branch(
      [
        '6to4',
        'add',
        'delete',
        'dump',
        'help',
        'httpstunnel',
        'ip',
        'ipv4',
        'ipv6',
        'isatap',
        'portproxy',
        'set',
        'show',
        'tcp',
        'teredo',
      ],
      {
        // `netsh interface ip ...` is the legacy alias of the ipv4 context.
        ip: ipContext('ipv4'),
        ipv4: ipContext('ipv4'),
        ipv6: ipContext('ipv6'),
        portproxy: portproxyContext,
      },
    ),
  },
);

const invalidArgument = (token: string, usage: readonly string[]): SimOutput =>
  // Exit code 0: netsh prints usage for an invalid argument and still succeeds (error-invalid-argument-exit0.en.1-fragment.txt).
  stdoutOf(0, [
    `'${token}' is not a valid argument for this command.`,
    'The syntax supplied for this command is not valid. Check help for the correct syntax.',
    '',
    ...usage,
    '',
  ]);

const missingParameters = (usage: readonly string[]): SimOutput =>
  stdoutOf(1, [
    'One or more essential parameters were not entered.',
    'Verify the required parameters, and reenter them.',
    '',
    ...usage,
    '',
  ]);

/** A context named without a command: netsh lists what the context offers. */
const contextHelp = (node: Branch): SimOutput =>
  stdoutOf(0, [
    '',
    'The following commands are available:',
    '',
    'Commands in this context:',
    ...node.names.map((name) => `${name}`),
    '',
  ]);

export const runNetsh = (machine: Machine, texts: Texts, args: readonly string[]): SimOutput => {
  let node: Node = NETSH;
  let index = 0;
  while (node.kind === 'branch') {
    const token = args[index];
    if (token === undefined) return index === 0 ? stdoutOf(0, ['']) : contextHelp(node);
    const name = matchKeyword(token, node.names);
    const child: Node | undefined = name === null ? undefined : node.children[name];
    // Real netsh knows the unimplemented names too; the app never sends them, so they read as unknown here.
    if (!child) return stdoutOf(1, [texts.commandNotFound(args.join(' ')), '']);
    node = child;
    index++;
  }
  const parsed = parseParams(args.slice(index), node.params);
  if (parsed.kind === 'invalid-argument') return invalidArgument(parsed.token, node.usage);
  if (parsed.kind === 'missing') return missingParameters(node.usage);
  if (node.mutating && !machine.elevated) return netshElevationRequired(texts);
  return node.run({ machine, texts }, parsed.values);
};
