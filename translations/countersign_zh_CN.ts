<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QMetaObject</name>
    <message>
        <source>Internal error in the engine: %1</source>
        <translation>引擎内部错误：%1</translation>
    </message>
    <message>
        <source>Internal error in the engine.</source>
        <translation>引擎内部错误。</translation>
    </message>
</context>
<context>
    <name>cs::app</name>
    <message>
        <source>Countersign %1: no display, so here is the workspace summary instead of the window.</source>
        <translation>Countersign %1：没有显示器，因此显示工作区摘要而不是窗口。</translation>
    </message>
    <message>
        <source>Workspace:</source>
        <translation>工作区：</translation>
    </message>
    <message>
        <source>Schema version:</source>
        <translation>架构版本：</translation>
    </message>
    <message>
        <source>Assets:</source>
        <translation>资产：</translation>
    </message>
    <message>
        <source>People:</source>
        <translation>人员：</translation>
    </message>
    <message>
        <source>Market: %1 venues, %2 pools, %3 lending markets, %4 counterparties (%5 on lists), %6 lists</source>
        <translation>市场：%1 个交易场所，%2 个资金池，%3 个借贷市场，%4 个交易对手（%5 个在名单上），%6 个名单</translation>
    </message>
    <message>
        <source>Intents waiting in intents.jsonl: %1</source>
        <translation>intents.jsonl 中等待的意图：%1</translation>
    </message>
    <message>
        <source>Agents and balances</source>
        <translation>代理及余额</translation>
    </message>
    <message>
        <source>Set DISPLAY (or run under xvfb-run) to open the console window.</source>
        <translation>设置 DISPLAY（或在 xvfb-run 下运行）以打开控制台窗口。</translation>
    </message>
    <message>
        <source>Audit log: %1 entries, signed checkpoint at %2</source>
        <translation>审计日志：%1 条记录，已签名检查点位于 %2</translation>
    </message>
</context>
<context>
    <name>cs::ui::AgentsModel</name>
    <message>
        <source>Active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>no key yet</source>
        <translation>尚无密钥</translation>
    </message>
    <message>
        <source>%1 %2 (exact)</source>
        <translation>%1 %2（精确值）</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Fingerprint of the agent&apos;s signing key</source>
        <translation>代理签名密钥的指纹</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>The agent&apos;s ledger accounts</source>
        <translation>代理的账本账户</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n decimal(s)</source>
        <translation>
            <numerusform>%1，%n 位小数</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cs::ui::AgentsView</name>
    <message>
        <source>Agents</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Every agent of this workspace with its balances, summed over its ledger accounts. Amounts are exact; hover over one to see it with its asset.</source>
        <translation>此工作区的所有代理及其余额（按账本账户汇总）。金额均为精确值；将鼠标悬停在金额上可查看其资产。</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Reload the agents from the workspace (F5)</source>
        <translation>从工作区重新加载代理（F5）</translation>
    </message>
    <message numerus="yes">
        <source>%n agent(s).</source>
        <translation>
            <numerusform>%n 个代理。</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading agents…</source>
        <translation>正在加载代理…</translation>
    </message>
    <message>
        <source>Could not load the agents: %1</source>
        <translation>无法加载代理：%1</translation>
    </message>
</context>
<context>
    <name>cs::ui::EngineClient</name>
    <message>
        <source>No workspace is open.</source>
        <translation>没有打开的工作区。</translation>
    </message>
</context>
<context>
    <name>cs::ui::MainWindow</name>
    <message>
        <source>Countersign</source>
        <translation>Countersign</translation>
    </message>
    <message>
        <source>No workspace open. Use File &gt; Open Workspace or File &gt; New Demo Workspace.</source>
        <translation>没有打开的工作区。请使用“文件 &gt; 打开工作区”或“文件 &gt; 新建演示工作区”。</translation>
    </message>
    <message>
        <source>Engine: closed</source>
        <translation>引擎：已关闭</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>The approval queue: proposals the policy flagged for a human, with what the agent wants, why, the simulated effect and the rule that fired. Approvers sign or reject them here, keyboard first.</source>
        <translation>审批队列：策略标记为需要人工处理的提案，包括代理的意图、理由、模拟结果和触发的规则。审批人在此用键盘签署或拒绝。</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>The policy editor: caps per agent, day and protocol, whitelists and approval thresholds, with a what-if run of a draft against the whole history before a risk manager signs and publishes it.</source>
        <translation>策略编辑器：按代理、按日、按协议的上限，白名单和审批阈值；在风险经理签署并发布之前，可将草稿对全部历史进行假设分析。</translation>
    </message>
    <message>
        <source>Reputation</source>
        <translation>信誉</translation>
    </message>
    <message>
        <source>Reputation charts: each agent&apos;s score over time, every move explained by the outcomes behind it, and the kill switch.</source>
        <translation>信誉图表：每个代理随时间变化的评分，每次变化都由其背后的结果解释，以及紧急停止开关。</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>The audit timeline: every step of every proposal in the hash-chained, signed log, with filters, integrity verification and step-by-step replay.</source>
        <translation>审计时间线：哈希链式签名日志中每个提案的每一步，支持筛选、完整性验证和逐步回放。</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Workspace…</source>
        <translation>新建工作区(&amp;N)…</translation>
    </message>
    <message>
        <source>New &amp;Demo Workspace…</source>
        <translation>新建演示工作区(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>打开工作区(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Countersign</source>
        <translation>关于 Countersign(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>Creating %1…</source>
        <translation>正在创建 %1…</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <source>Choose an empty directory for the demo workspace</source>
        <translation>为演示工作区选择一个空目录</translation>
    </message>
    <message>
        <source>Choose an empty directory for the workspace</source>
        <translation>为工作区选择一个空目录</translation>
    </message>
    <message>
        <source>About Countersign</source>
        <translation>关于 Countersign</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Countersign %1&lt;/h3&gt;&lt;p&gt;The operator console for AI agents that move money: agents propose, the engine simulates and checks every proposal against a signed policy, people approve what is risky, and every step is written to a tamper-evident audit log.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Countersign %1&lt;/h3&gt;&lt;p&gt;面向处理资金的 AI 代理的操作控制台：代理提出提案，引擎模拟每个提案并按已签名的策略进行检查，由人批准有风险的操作，每一步都写入防篡改的审计日志。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 — Countersign</source>
        <translation>%1 — Countersign</translation>
    </message>
    <message>
        <source>Workspace: %1 (%2)</source>
        <translation>工作区：%1（%2）</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <source>Could not open the workspace %1.</source>
        <translation>无法打开工作区 %1。</translation>
    </message>
    <message>
        <source>Engine: ready</source>
        <translation>引擎：就绪</translation>
    </message>
    <message>
        <source>Engine: degraded</source>
        <translation>引擎：降级</translation>
    </message>
    <message>
        <source>Engine key passphrase</source>
        <translation>引擎密钥口令</translation>
    </message>
    <message>
        <source>Passphrase that seals the engine&apos;s signing key:</source>
        <translation>用于封存引擎签名密钥的口令：</translation>
    </message>
    <message>
        <source>Repeat the passphrase:</source>
        <translation>再次输入口令：</translation>
    </message>
    <message>
        <source>The passphrase must not be empty.</source>
        <translation>口令不能为空。</translation>
    </message>
    <message>
        <source>The two passphrases differ; nothing was created.</source>
        <translation>两次输入的口令不一致；未创建任何内容。</translation>
    </message>
    <message>
        <source>Pipeline: done, %1 processed</source>
        <translation>流水线：已完成，共处理 %1 项</translation>
    </message>
    <message>
        <source>Pipeline: %1 processed, last %2 %3</source>
        <translation>流水线：已处理 %1 项，最近 %2 %3</translation>
    </message>
</context>
<context>
    <name>cs::ui::PlaceholderView</name>
    <message>
        <source>Not available in this version yet.</source>
        <translation>此版本尚不可用。</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Countersign, the operator console for AI agents that move money.</source>
        <translation>Countersign，面向处理资金的 AI 代理的操作控制台。</translation>
    </message>
    <message>
        <source>Open a fresh demo workspace in a temporary directory.</source>
        <translation>在临时目录中打开一个新的演示工作区。</translation>
    </message>
    <message>
        <source>User interface language (de, zh_CN, en).</source>
        <translation>界面语言（de、zh_CN、en）。</translation>
    </message>
    <message>
        <source>Print a summary of the workspace instead of opening a window.</source>
        <translation>打印工作区摘要而不是打开窗口。</translation>
    </message>
    <message>
        <source>Save a picture of the window once the workspace is shown, then quit.</source>
        <translation>工作区显示后保存窗口截图，然后退出。</translation>
    </message>
    <message>
        <source>Workspace directory to open.</source>
        <translation>要打开的工作区目录。</translation>
    </message>
    <message>
        <source>With --demo: run the next demo intent every this many milliseconds (default 800).</source>
        <translation>与 --demo 一起使用：每隔这么多毫秒运行下一个演示意图（默认 800）。</translation>
    </message>
</context>
</TS>
