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
    <name>StateText</name>
    <message>
        <source>could not be planned</source>
        <translation>无法规划</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>denied</source>
        <translation>被拒</translation>
    </message>
    <message>
        <source>awaiting approval</source>
        <translation>等待审批</translation>
    </message>
    <message>
        <source>executed</source>
        <translation>已执行</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>outcome unknown</source>
        <translation>结果未知</translation>
    </message>
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
        <source>agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>approver</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>risk manager</source>
        <translation>风险经理</translation>
    </message>
    <message>
        <source>engine</source>
        <translation>引擎</translation>
    </message>
    <message>
        <source>no rule allows this proposal</source>
        <translation>没有规则允许此提案</translation>
    </message>
    <message>
        <source>the simulation failed: %1</source>
        <translation>模拟失败：%1</translation>
    </message>
    <message>
        <source>min_out accepts %1 bps of slippage, more than the %2 bps allowed</source>
        <translation>min_out 接受 %1 bps 滑点，超过允许的 %2 bps</translation>
    </message>
    <message>
        <source>evaluation error, which denies: %1</source>
        <translation>评估错误，因此拒绝：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n more approver(s) from &apos;%1&apos;</source>
        <translation>
            <numerusform>%n 名来自“%1”的审批人</numerusform>
        </translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>needs %1</source>
        <translation>需要 %1</translation>
    </message>
    <message>
        <source> and </source>
        <translation> 和 </translation>
    </message>
    <message>
        <source>amount ≤ %1 would be allowed</source>
        <translation>金额 ≤ %1 时允许</translation>
    </message>
    <message>
        <source>amount ≤ %1 would need approval</source>
        <translation>金额 ≤ %1 时需要审批</translation>
    </message>
    <message>
        <source>amount ≤ %1 would be denied</source>
        <translation>金额 ≤ %1 时拒绝</translation>
    </message>
    <message>
        <source>; or </source>
        <translation>；或 </translation>
    </message>
    <message>
        <source>analyst</source>
        <translation>分析员</translation>
    </message>
    <message>
        <source>allowed</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>needs approval</source>
        <translation>需审批</translation>
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
    <message>
        <source>Awaiting approval: %1 (so far %2 approved, %3 rejected, %4 expired)</source>
        <translation>等待批准：%1（迄今已批准 %2，已拒绝 %3，已到期 %4）</translation>
    </message>
    <message>
        <source>needs</source>
        <translation>需要</translation>
    </message>
    <message>
        <source>Countersign %1: the workspace summary (--headless).</source>
        <translation>Countersign %1：工作区摘要（--headless）。</translation>
    </message>
    <message>
        <source>READ-ONLY: the audit log does not verify, so nothing will be written: %1</source>
        <translation>只读：审计日志未通过验证，因此不会写入任何内容：%1</translation>
    </message>
</context>
<context>
    <name>cs::ui::AgentsModel</name>
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
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>New &amp;key…</source>
        <translation>新密钥(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Suspend…</source>
        <translation>暂停(&amp;S)…</translation>
    </message>
    <message>
        <source>Res&amp;ume…</source>
        <translation>恢复(&amp;U)…</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>撤销(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Freeze all agents…</source>
        <translation>冻结所有代理(&amp;F)…</translation>
    </message>
    <message>
        <source>People &amp; agents</source>
        <translation>人员与代理</translation>
    </message>
    <message>
        <source>Everyone in this workspace and what the agents hold. A risk manager adds people and agents, gives them new keys and suspends, resumes or revokes them; each change is signed and recorded in the audit log.</source>
        <translation>此工作区中的所有人员以及代理持有的资产。风险经理负责添加人员和代理、为其更换密钥，以及暂停、恢复或撤销；每项更改都会签名并记录在审计日志中。</translation>
    </message>
    <message>
        <source>Suspend every active agent at once: their intents are refused and their pending approval requests end</source>
        <translation>立即暂停所有活动代理：拒绝其任务，并结束其待审批请求</translation>
    </message>
    <message>
        <source>Reload people, agents and balances from the workspace (F5)</source>
        <translation>从工作区重新加载人员、代理和余额 (F5)</translation>
    </message>
    <message>
        <source>Balances</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Nothing was changed for %1: %2</source>
        <translation>%1 未作任何更改：%2</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>未更改</translation>
    </message>
    <message>
        <source>Nothing was changed for %1:
%2</source>
        <translation>%1 未作任何更改：
%2</translation>
    </message>
    <message numerus="yes">
        <source>%n principal(s), of them %1 agent(s).</source>
        <translation>
            <numerusform>%n 位参与者，其中 %1 个代理。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not load people and agents: %1</source>
        <translation>无法加载人员和代理：%1</translation>
    </message>
    <message>
        <source>Select someone to see them in detail.</source>
        <translation>选择一人以查看详细信息。</translation>
    </message>
    <message>
        <source>Id: %1</source>
        <translation>标识：%1</translation>
    </message>
    <message>
        <source>Role: %1 · Status: %2</source>
        <translation>角色：%1 · 状态：%2</translation>
    </message>
    <message>
        <source>No key: reads everything, signs nothing.</source>
        <translation>无密钥：可读取一切，不签署任何内容。</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>密钥：%1</translation>
    </message>
    <message>
        <source>Added: %1</source>
        <translation>添加于：%1</translation>
    </message>
    <message>
        <source>Last active: %1</source>
        <translation>最近活动：%1</translation>
    </message>
    <message>
        <source>A new person or agent, signed by %1. An agent&apos;s or approver&apos;s key is sealed with the passphrase you give it here; an analyst reads everything and gets no key.</source>
        <translation>由 %1 签名添加新的人员或代理。代理或审批人的密钥用您在此输入的口令封存；分析员可读取一切，不获得密钥。</translation>
    </message>
    <message>
        <source>A new key for %1, signed by %2. The old key is retired; what it signed still verifies.</source>
        <translation>由 %2 签名为 %1 更换新密钥。旧密钥停用；其签署的内容仍可验证。</translation>
    </message>
    <message>
        <source>Suspend %1: its next intents are refused before any model sees them, and its pending approval requests end, their spends released. Resume restores intake only.</source>
        <translation>暂停 %1：其后续任务在任何模型看到之前即被拒绝，待审批请求结束并释放其额度。恢复只重新接收任务。</translation>
    </message>
    <message>
        <source>Suspend %1: their key signs nothing until they are resumed.</source>
        <translation>暂停 %1：在恢复之前其密钥不能签署任何内容。</translation>
    </message>
    <message>
        <source>Resume %1: intents are taken again. Requests that ended stay ended.</source>
        <translation>恢复 %1：重新接收任务。已结束的请求保持结束。</translation>
    </message>
    <message>
        <source>Revoke %1 for good: a revoked key never signs again and cannot be resumed.</source>
        <translation>永久撤销 %1：被撤销的密钥不能再签名，也无法恢复。</translation>
    </message>
    <message>
        <source>Freeze all agents: suspend %1 now. Their intents are refused and their pending approval requests end. Each is resumed on its own.</source>
        <translation>冻结所有代理：立即暂停 %1。其任务被拒绝，待审批请求结束。每个代理需单独恢复。</translation>
    </message>
    <message>
        <source>Signing…</source>
        <translation>正在签名…</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>所选</translation>
    </message>
    <message>
        <source>What the policy “%1” lets it do:</source>
        <translation>策略“%1”允许其执行的操作：</translation>
    </message>
    <message>
        <source>No rule applies to it: everything it proposes is denied.</source>
        <translation>没有适用的规则：其提议的一切都将被拒绝。</translation>
    </message>
    <message>
        <source>allows</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>needs approval</source>
        <translation>需要审批</translation>
    </message>
    <message>
        <source>denies</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>• %1 (%2): %3</source>
        <translation>• %1（%2）：%3</translation>
    </message>
    <message>
        <source>; each %1</source>
        <translation>；每笔 %1</translation>
    </message>
    <message>
        <source>; in total %1</source>
        <translation>；合计 %1</translation>
    </message>
    <message>
        <source>only a risk manager changes people and agents</source>
        <translation>只有风险经理可以更改人员和代理</translation>
    </message>
    <message>
        <source>Each cap&apos;s use in its window up to now:</source>
        <translation>每项限额在其截至现在的时间窗口内的使用情况：</translation>
    </message>
</context>
<context>
    <name>cs::ui::ApprovalDetail</name>
    <message>
        <source>What the agent wants</source>
        <translation>代理想做什么</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source> (worth %1)</source>
        <translation>（价值 %1）</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Buys</source>
        <translation>买入</translation>
    </message>
    <message>
        <source>At least</source>
        <translation>至少</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收款方</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>交易场所</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>%1 &lt;i&gt;(from %2)&lt;/i&gt;</source>
        <translation>%1 &lt;i&gt;（来自 %2）&lt;/i&gt;</translation>
    </message>
    <message>
        <source>If it settles now (simulated)</source>
        <translation>如果现在结算（模拟）</translation>
    </message>
    <message>
        <source>It cannot execute now: %1</source>
        <translation>现在无法执行：%1</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>之后</translation>
    </message>
    <message>
        <source>Receives</source>
        <translation>收到</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>费用</translation>
    </message>
    <message>
        <source>Price impact</source>
        <translation>价格影响</translation>
    </message>
    <message>
        <source>%1 bps (%2 %)</source>
        <translation>%1 基点（%2 %）</translation>
    </message>
    <message>
        <source>Balances changed since it was decided: approving decides it again on the balances above, and a deny then fails it.</source>
        <translation>自决策以来余额已变化：批准时将按上面的余额重新决策，若被拒绝则该提案失败。</translation>
    </message>
    <message>
        <source>Decided again on these balances, it is allowed.</source>
        <translation>按这些余额重新决策：允许。</translation>
    </message>
    <message>
        <source>Decided again on these balances, it still needs approval.</source>
        <translation>按这些余额重新决策：仍需审批。</translation>
    </message>
    <message>
        <source>Decided again on these balances, it is denied, so approving it now fails it: %1</source>
        <translation>按这些余额重新决策：被拒绝，现在批准将使其失败：%1</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决策</translation>
    </message>
    <message>
        <source>What would change it:</source>
        <translation>怎样会改变结果：</translation>
    </message>
    <message>
        <source>%1: spent %2, %3 with this</source>
        <translation>%1：已花费 %2，加上本笔为 %3</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>computed &lt;b&gt;%1&lt;/b&gt;, %2 approval(s) · the agent claimed %3, %4 approval(s)</source>
        <translation>计算为 &lt;b&gt;%1&lt;/b&gt;，需 %2 个批准 · 代理声称 %3，%4 个批准</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>The agent under-claimed its risk.</source>
        <translation>代理低报了其风险。</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>签名者</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>尚无</translation>
    </message>
    <message>
        <source>Still needed</source>
        <translation>仍需</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>expired at %1</source>
        <translation>已于 %1 到期</translation>
    </message>
    <message>
        <source>in %1 (%2)</source>
        <translation>%1 后（%2）</translation>
    </message>
    <message>
        <source>Your signature covers</source>
        <translation>您的签名覆盖</translation>
    </message>
    <message>
        <source>SHA-256 of this proposal, its simulation, the policy version and the decision.</source>
        <translation>此提案、其模拟、策略版本和决策的 SHA-256。</translation>
    </message>
    <message>
        <source>%1 · %2: %3 %4 → %5</source>
        <translation>%1 · %2：%3 %4 → %5</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>Decided without an approval request.</source>
        <translation>未经审批请求即已决定。</translation>
    </message>
    <message>
        <source>Reputation</source>
        <translation>信誉</translation>
    </message>
    <message>
        <source>%1, &lt;b&gt;%2&lt;/b&gt; · over entries 1–%3 of the log</source>
        <translation>%1，&lt;b&gt;%2&lt;/b&gt; · 基于日志的第 1–%3 条记录</translation>
    </message>
</context>
<context>
    <name>cs::ui::ApprovalQueueModel</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分</translation>
    </message>
    <message>
        <source>pay API</source>
        <translation>支付 API</translation>
    </message>
    <message>
        <source>transfer</source>
        <translation>转账</translation>
    </message>
    <message>
        <source>swap</source>
        <translation>兑换</translation>
    </message>
    <message>
        <source>deposit</source>
        <translation>存入</translation>
    </message>
    <message>
        <source>withdraw</source>
        <translation>取出</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>→ %1 on %2</source>
        <translation>→ %1（%2）</translation>
    </message>
    <message>
        <source>%1 (claimed %2)</source>
        <translation>%1（声称 %2）</translation>
    </message>
    <message>
        <source>%1 (under-claimed)</source>
        <translation>%1（低报）</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已到期</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>%1 后</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>The agent claimed %1 risk; the policy computes %2.</source>
        <translation>代理声称风险为%1；策略计算为%2。</translation>
    </message>
    <message>
        <source>Worth %1</source>
        <translation>价值 %1</translation>
    </message>
    <message>
        <source>Signed by %1</source>
        <translation>%1 已签名</translation>
    </message>
    <message>
        <source>Needs %1</source>
        <translation>需要 %1</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>提案</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收款方</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>&lt; 1 min</source>
        <translation>&lt; 1 分钟</translation>
    </message>
</context>
<context>
    <name>cs::ui::ApprovalsView</name>
    <message>
        <source>Approvals</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Any risk</source>
        <translation>任意风险</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>所有代理</translation>
    </message>
    <message>
        <source>Any rule</source>
        <translation>任意规则</translation>
    </message>
    <message>
        <source>Search proposals</source>
        <translation>搜索提案</translation>
    </message>
    <message>
        <source>Open a workspace to see the proposals awaiting approval.</source>
        <translation>打开工作区以查看等待批准的提案。</translation>
    </message>
    <message>
        <source>Loading the approval queue…</source>
        <translation>正在加载审批队列…</translation>
    </message>
    <message>
        <source>Nothing awaits approval.</source>
        <translation>没有等待批准的提案。</translation>
    </message>
    <message numerus="yes">
        <source>%n awaiting</source>
        <translation>
            <numerusform>%n 个待批准</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n shown)</source>
        <translation>
            <numerusform>（显示 %n 个）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n past expiry</source>
        <translation>
            <numerusform> · %n 个已过期</numerusform>
        </translation>
    </message>
    <message>
        <source> · %1 approved · %2 rejected · %3 expired</source>
        <translation> · 已批准 %1 · 已拒绝 %2 · 已到期 %3</translation>
    </message>
    <message>
        <source>Select a proposal.</source>
        <translation>请选择一个提案。</translation>
    </message>
    <message>
        <source>Still signing the previous verdict.</source>
        <translation>仍在签署上一个决定。</translation>
    </message>
    <message>
        <source>Select a proposal first (J / K).</source>
        <translation>请先选择一个提案（J / K）。</translation>
    </message>
    <message>
        <source>The passphrase was forgotten; nothing was signed. Press the key again.</source>
        <translation>口令已被忘记；未签署任何内容。请再按一次该键。</translation>
    </message>
    <message>
        <source>Signing %1 as %2…</source>
        <translation>正在以 %2 身份签署 %1…</translation>
    </message>
    <message>
        <source>%1: approved and executed; receipt in audit entry %2.</source>
        <translation>%1：已批准并执行；收据位于审计条目 %2。</translation>
    </message>
    <message>
        <source>%1: your approval is recorded; it %2.</source>
        <translation>%1：您的批准已记录；仍 %2。</translation>
    </message>
    <message>
        <source>%1: rejected.</source>
        <translation>%1：已拒绝。</translation>
    </message>
    <message>
        <source>Nothing was signed for %1: %2</source>
        <translation>未为 %1 签署任何内容：%2</translation>
    </message>
    <message>
        <source>The remembered passphrase is forgotten; the next verdict asks for it.</source>
        <translation>已忘记记住的口令；下一个决定将再次询问。</translation>
    </message>
    <message>
        <source>J / K move · A approve · R reject · E edit and approve · Ctrl+F search · Ctrl+L forget the passphrase · F5 refresh</source>
        <translation>J / K 移动 · A 批准 · R 拒绝 · E 编辑并批准 · Ctrl+F 搜索 · Ctrl+L 忘记口令 · F5 刷新</translation>
    </message>
    <message>
        <source>%1 already approved this version of %2; an approver counts once.</source>
        <translation>%1 已批准 %2 的此版本；每位审批人只计一次。</translation>
    </message>
    <message>
        <source>Read-only: the audit log does not verify, so no verdict can be signed here.</source>
        <translation>只读：审计日志未通过验证，因此无法在此签署任何裁决。</translation>
    </message>
    <message>
        <source>%1: failed — %2</source>
        <translation>%1：失败 — %2</translation>
    </message>
    <message>
        <source>%1: denied — %2</source>
        <translation>%1：被拒 — %2</translation>
    </message>
    <message>
        <source>%1 cannot sign verdicts: only an active approver or risk manager can. Sign in as one (File &gt; Sign In).</source>
        <translation>%1 不能签署裁决：只有在职的审批人或风险经理可以。请以其身份登录（文件 &gt; 登录）。</translation>
    </message>
    <message>
        <source>Nobody is signed in. Sign in as an approver to sign verdicts (File &gt; Sign In).</source>
        <translation>尚无人登录。请以审批人身份登录以签署裁决（文件 &gt; 登录）。</translation>
    </message>
</context>
<context>
    <name>cs::ui::AuditStrip</name>
    <message>
        <source>entries</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>intake</source>
        <translation>接收</translation>
    </message>
    <message>
        <source>decisions</source>
        <translation>决策</translation>
    </message>
    <message>
        <source>approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>settlements</source>
        <translation>结算</translation>
    </message>
    <message>
        <source>other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>cs::ui::AuditTimelineModel</name>
    <message>
        <source>signed</source>
        <translation>已签名</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>时间 (UTC)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>执行者</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>提案</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
</context>
<context>
    <name>cs::ui::AuditView</name>
    <message>
        <source>not signed (covered by the hash chain and the signed checkpoints)</source>
        <translation>未签名（由哈希链和已签名检查点覆盖）</translation>
    </message>
    <message>
        <source>signed by %1, valid</source>
        <translation>由 %1 签名，有效</translation>
    </message>
    <message>
        <source>signed by %1, does NOT verify</source>
        <translation>由 %1 签名，验证失败</translation>
    </message>
    <message>
        <source>signed by %1, whose key the log does not register</source>
        <translation>由 %1 签名，日志中未登记其密钥</translation>
    </message>
    <message>
        <source>Replay proposal</source>
        <translation>重放提案</translation>
    </message>
    <message>
        <source>Verify log</source>
        <translation>验证日志</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>All agents</source>
        <translation>所有代理</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>任意结果</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>已允许</translation>
    </message>
    <message>
        <source>Needs approval</source>
        <translation>需要审批</translation>
    </message>
    <message>
        <source>Denied</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Executed</source>
        <translation>已执行</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Refused by the parser or intake</source>
        <translation>被解析器或接收环节拒绝</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected by an approver</source>
        <translation>被审批人驳回</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近一小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Search entries…</source>
        <translation>搜索条目…</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n 个条目</numerusform>
        </translation>
    </message>
    <message>
        <source>Entries of this proposal (click to show):</source>
        <translation>此提案的条目（点击显示）：</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>记录值</translation>
    </message>
    <message>
        <source>Recomputed</source>
        <translation>重新计算值</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>重放</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>The log does NOT verify: %1</source>
        <translation>日志验证失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>Verified: %n entries, the hash chain, the Merkle roots and %1 checkpoints; %2 balances recomputed from the log.</source>
        <translation>
            <numerusform>已验证：%n 个条目、哈希链、默克尔根和 %1 个检查点；从日志重新计算了 %2 个余额。</numerusform>
        </translation>
    </message>
    <message>
        <source>Verification cancelled.</source>
        <translation>验证已取消。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries to %1.</source>
        <translation>
            <numerusform>已将 %n 个条目导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>&lt;b&gt;Entry %1&lt;/b&gt; · %2 · %3</source>
        <translation>&lt;b&gt;条目 %1&lt;/b&gt; · %2 · %3</translation>
    </message>
    <message>
        <source>Leaf hash: &lt;tt&gt;%1&lt;/tt&gt; %2</source>
        <translation>叶哈希：&lt;tt&gt;%1&lt;/tt&gt; %2</translation>
    </message>
    <message>
        <source>(matches its bytes)</source>
        <translation>（与其字节一致）</translation>
    </message>
    <message>
        <source>(does NOT match its bytes)</source>
        <translation>（与其字节不一致）</translation>
    </message>
    <message>
        <source>Previous: &lt;tt&gt;%1&lt;/tt&gt; %2</source>
        <translation>前一条：&lt;tt&gt;%1&lt;/tt&gt; %2</translation>
    </message>
    <message>
        <source>(the entry before)</source>
        <translation>（即前一条目）</translation>
    </message>
    <message>
        <source>(does NOT chain)</source>
        <translation>（链接断开）</translation>
    </message>
    <message>
        <source>Signature: %1</source>
        <translation>签名：%1</translation>
    </message>
    <message numerus="yes">
        <source>Inclusion proof: valid against the checkpoint at size %1 (root &lt;tt&gt;%2…&lt;/tt&gt;, %n hashes)</source>
        <translation>
            <numerusform>包含证明：相对大小为 %1 的检查点有效（根 &lt;tt&gt;%2…&lt;/tt&gt;，%n 个哈希）</numerusform>
        </translation>
    </message>
    <message>
        <source>Inclusion proof: %1</source>
        <translation>包含证明：%1</translation>
    </message>
    <message>
        <source>Replay %1</source>
        <translation>重放 %1</translation>
    </message>
    <message>
        <source>Replaying %1 from the log…</source>
        <translation>正在从日志重放 %1…</translation>
    </message>
    <message>
        <source>%1 (%2): every step recomputed from the log is identical to what it recorded.</source>
        <translation>%1 (%2)：从日志重新计算的每一步都与记录一致。</translation>
    </message>
    <message>
        <source>%1 (%2) DIVERGES at entry %3, %4: %5</source>
        <translation>%1 (%2) 在条目 %3 处出现偏差，%4：%5</translation>
    </message>
    <message>
        <source>identical</source>
        <translation>一致</translation>
    </message>
    <message>
        <source>differs: %1</source>
        <translation>不同：%1</translation>
    </message>
    <message>
        <source>(checked, nothing to compare side by side)</source>
        <translation>（已检查，无可并排比较的内容）</translation>
    </message>
    <message>
        <source>Verifying the log and the money…</source>
        <translation>正在验证日志和资金…</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl);;CSV (*.csv)</source>
        <translation>JSON 行 (*.jsonl);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Shown in the strip</source>
        <translation>条带中显示的范围</translation>
    </message>
</context>
<context>
    <name>cs::ui::CapBar</name>
    <message>
        <source>%1 of %2 %3 since %4 (%5 %)</source>
        <translation>自 %4 起 %1 / %2 %3（%5 %）</translation>
    </message>
</context>
<context>
    <name>cs::ui::EngineClient</name>
    <message>
        <source>No workspace is open.</source>
        <translation>没有打开的工作区。</translation>
    </message>
    <message>
        <source>The engine key is locked, so an approved proposal could not settle. Unlock it with File &gt; Unlock Engine Key…, then sign again.</source>
        <translation>引擎密钥已锁定，因此已批准的提案无法结算。请通过“文件 &gt; 解锁引擎密钥…”解锁后再签名。</translation>
    </message>
    <message>
        <source>The audit log does not verify; nothing is signed.</source>
        <translation>审计日志未通过验证；不签署任何内容。</translation>
    </message>
    <message>
        <source>%1 was added, signed by %2 (entry %3).</source>
        <translation>已添加 %1，由 %2 签名（条目 %3）。</translation>
    </message>
    <message>
        <source>%1 has a new key, %2; the old one is retired.</source>
        <translation>%1 已有新密钥 %2；旧密钥已停用。</translation>
    </message>
    <message numerus="yes">
        <source>%1 is now %2; %n pending request(s) ended.</source>
        <translation>
            <numerusform>%1 现在为%2；已结束 %n 个待处理请求。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing new: all %n item(s) were there already; nothing was written.</source>
        <translation>
            <numerusform>没有新内容：%n 项均已存在；未写入任何内容。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) added, signed by %1 (entry %2).</source>
        <translation>
            <numerusform>已添加 %n 项，由 %1 签名（条目 %2）。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is now %2 %3, signed by %4 (entry %5).</source>
        <translation>%1 现为 %2 %3，由 %4 签名（条目 %5）。</translation>
    </message>
    <message>
        <source>%1 already reads so; nothing was signed.</source>
        <translation>%1 已是此内容；未签署任何内容。</translation>
    </message>
    <message>
        <source>%1 now reads “%2”, signed by %3 (entry %4).</source>
        <translation>%1 现为“%2”，由 %3 签署（条目 %4）。</translation>
    </message>
    <message>
        <source>The policy draft was not kept: %1</source>
        <translation>策略草稿未能保存：%1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>cs::ui::HealthPanel</name>
    <message>
        <source>an agent acts but cannot explain</source>
        <translation>代理执行了操作却无法解释</translation>
    </message>
    <message>
        <source>spending without proven authorization</source>
        <translation>没有经过证明授权的支出</translation>
    </message>
    <message>
        <source>logs that leak private data</source>
        <translation>泄露私密数据的日志</translation>
    </message>
    <message>
        <source>reputation that is not portable</source>
        <translation>无法迁移的信誉</translation>
    </message>
    <message>
        <source>incentives that reward activity instead of useful output</source>
        <translation>奖励活跃度而非有用产出的激励</translation>
    </message>
    <message>
        <source>approvers who rubber-stamp</source>
        <translation>走过场式批准的审批人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Red flag</source>
        <translation>危险信号</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>发现</translation>
    </message>
    <message>
        <source>Findings (double-click one about an entry to show it in the audit timeline):</source>
        <translation>发现（双击与某条目相关的发现，可在审计时间线中查看）：</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>warn</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>失败</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; over %n entries of the log (the same checks as countersign-cli doctor)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;，共检查日志 %n 条（与 countersign-cli doctor 相同）</numerusform>
        </translation>
    </message>
    <message>
        <source>Every red flag checked is clear</source>
        <translation>所有检查的危险信号均无问题</translation>
    </message>
    <message>
        <source>Nothing fails; some warnings</source>
        <translation>没有失败项；有一些警告</translation>
    </message>
    <message>
        <source>A red flag fails</source>
        <translation>有危险信号未通过</translation>
    </message>
    <message>
        <source>Nothing to show.</source>
        <translation>没有可显示的内容。</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>尚未检查。</translation>
    </message>
    <message numerus="yes">
        <source>every one of %n executed action(s) has a rationale and a decision explanation</source>
        <translation>
            <numerusform>全部 %n 个已执行操作都有理由和决策说明</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n executed action(s) lack an explanation</source>
        <translation>
            <numerusform>%n 个已执行操作缺少说明</numerusform>
        </translation>
    </message>
    <message>
        <source>every settlement follows an allow or a quorum of valid approval signatures</source>
        <translation>每笔结算都基于允许决定或有效审批签名的法定人数</translation>
    </message>
    <message numerus="yes">
        <source>%n settlement(s) without proven authorization</source>
        <translation>
            <numerusform>%n 笔结算没有经过证明的授权</numerusform>
        </translation>
    </message>
    <message>
        <source>entries hold what looks like a secret</source>
        <translation>有条目包含疑似机密的内容</translation>
    </message>
    <message>
        <source>no entry holds a recognisable secret</source>
        <translation>没有条目包含可识别的机密</translation>
    </message>
    <message numerus="yes">
        <source>no entry holds a recognisable secret; intake redacted %n from intents&apos; free text</source>
        <translation>
            <numerusform>没有条目包含可识别的机密；接收时已从意图的自由文本中删除 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>every agent&apos;s reputation can be exported as a signed attestation (countersign-cli attest)</source>
        <translation>每个代理的信誉都可以导出为签名证明（countersign-cli attest）</translation>
    </message>
    <message>
        <source>some reputations cannot be attested yet</source>
        <translation>部分信誉尚无法出具证明</translation>
    </message>
    <message>
        <source>a few approved outcomes outscore many routine ones: the score rewards outcomes, not activity</source>
        <translation>少数获批结果的得分高于大量常规结果：评分奖励结果而非活跃度</translation>
    </message>
    <message>
        <source>activity outscores outcomes: the scoring rewards volume</source>
        <translation>活跃度高于结果：评分奖励数量</translation>
    </message>
    <message numerus="yes">
        <source>%n approver(s); none rubber-stamps</source>
        <translation>
            <numerusform>%n 位审批人；无人走过场</numerusform>
        </translation>
    </message>
    <message>
        <source>an approver approves everything in seconds</source>
        <translation>有审批人在数秒内批准一切</translation>
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
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Reputation</source>
        <translation>信誉</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
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
        <source>About Countersign</source>
        <translation>关于 Countersign</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Countersign %1&lt;/h3&gt;&lt;p&gt;The operator console for AI agents that move money: agents propose, the engine simulates and checks every proposal against a signed policy, people approve what is risky, and every step is written to a tamper-evident audit log.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Countersign %1&lt;/h3&gt;&lt;p&gt;面向处理资金的 AI 代理的操作控制台：代理提出提案，引擎模拟每个提案并按已签名的策略进行检查，由人批准有风险的操作，每一步都写入防篡改的审计日志。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建。&lt;/p&gt;</translation>
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
        <source>Pipeline: done, %1 processed</source>
        <translation>流水线：已完成，共处理 %1 项</translation>
    </message>
    <message>
        <source>Pipeline: %1 processed, last %2 %3</source>
        <translation>流水线：已处理 %1 项，最近 %2 %3</translation>
    </message>
    <message>
        <source>Engine: ready, key unlocked</source>
        <translation>引擎：就绪，密钥已解锁</translation>
    </message>
    <message>
        <source>&amp;Unlock Engine Key…</source>
        <translation>解锁引擎密钥(&amp;U)…</translation>
    </message>
    <message>
        <source>Unlock Engine Key</source>
        <translation>解锁引擎密钥</translation>
    </message>
    <message>
        <source>Passphrase of the engine key (it stays unlocked while the workspace is open):</source>
        <translation>引擎密钥的口令（工作区打开期间保持解锁）：</translation>
    </message>
    <message>
        <source>Checking the audit log… %p%</source>
        <translation>正在检查审计日志… %p%</translation>
    </message>
    <message>
        <source>Read-only: this workspace&apos;s audit log does not verify, so nothing will be written to it (no verdict, no settlement, no checkpoint). First problem: %1</source>
        <translation>只读：此工作区的审计日志未通过验证，因此不会向其写入任何内容（无裁决、无结算、无检查点）。第一个问题：%1</translation>
    </message>
    <message>
        <source>Engine: read-only</source>
        <translation>引擎：只读</translation>
    </message>
    <message>
        <source>People &amp; agents</source>
        <translation>人员与代理</translation>
    </message>
    <message>
        <source>World</source>
        <translation>世界</translation>
    </message>
    <message>
        <source>Who the console signs as; click to sign in as someone else</source>
        <translation>控制台以谁的身份签名；点击以其他身份登录</translation>
    </message>
    <message>
        <source>&amp;Sign In…</source>
        <translation>登录(&amp;S)…</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Signed in: %1, %2</source>
        <translation>已登录：%1，%2</translation>
    </message>
    <message>
        <source>%1[*] — Countersign</source>
        <translation>%1[*] — Countersign</translation>
    </message>
</context>
<context>
    <name>cs::ui::NewWorkspaceDialog</name>
    <message>
        <source>New workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <source>lowercase letters, digits, - and _</source>
        <translation>小写字母、数字、- 和 _</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>选择(&amp;C)…</translation>
    </message>
    <message>
        <source>Choose an empty folder for the workspace</source>
        <translation>为工作区选择一个空文件夹</translation>
    </message>
    <message>
        <source>A workspace of your own starts with the engine, which signs decisions, receipts and checkpoints, and its first risk manager, who adds everyone else and publishes the policy. Both keys are sealed with the passphrases you choose here; they are never stored.</source>
        <translation>自有工作区从引擎和首位风险经理开始：引擎签署决策、回执和检查点，风险经理添加其他所有人并发布策略。两把密钥都用您在此选择的口令封存；口令从不保存。</translation>
    </message>
    <message>
        <source>1. Where</source>
        <translation>1. 位置</translation>
    </message>
    <message>
        <source>&amp;Folder (empty or new):</source>
        <translation>文件夹（空的或新的）(&amp;F)：</translation>
    </message>
    <message>
        <source>2. The engine&apos;s key</source>
        <translation>2. 引擎密钥</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>口令(&amp;P)：</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <source>3. The first risk manager</source>
        <translation>3. 首位风险经理</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>标识(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Pass&amp;phrase:</source>
        <translation>口令(&amp;P)：</translation>
    </message>
    <message>
        <source>C&amp;reate</source>
        <translation>创建(&amp;R)</translation>
    </message>
    <message>
        <source>Choose the folder the workspace goes in.</source>
        <translation>请选择工作区所在的文件夹。</translation>
    </message>
    <message>
        <source>The folder must be empty or not exist yet.</source>
        <translation>文件夹必须为空或尚不存在。</translation>
    </message>
    <message>
        <source>The engine&apos;s key needs a passphrase.</source>
        <translation>引擎密钥需要口令。</translation>
    </message>
    <message>
        <source>The engine&apos;s two passphrases differ.</source>
        <translation>引擎的两次口令不一致。</translation>
    </message>
    <message>
        <source>The risk manager&apos;s id is lowercase letters, digits, &apos;.&apos;, &apos;:&apos;, &apos;-&apos; and &apos;_&apos; (and not “engine”).</source>
        <translation>风险经理的标识由小写字母、数字、“.”、“:”、“-”和“_”组成（且不能是“engine”）。</translation>
    </message>
    <message>
        <source>The risk manager&apos;s key needs a passphrase.</source>
        <translation>风险经理的密钥需要口令。</translation>
    </message>
    <message>
        <source>The risk manager&apos;s two passphrases differ.</source>
        <translation>风险经理的两次口令不一致。</translation>
    </message>
    <message>
        <source>Give the risk manager a passphrase of their own, not the engine&apos;s.</source>
        <translation>请为风险经理设置自己的口令，而不是引擎的口令。</translation>
    </message>
</context>
<context>
    <name>cs::ui::PeopleModel</name>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>no key (signs nothing)</source>
        <translation>无密钥（不签名）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>密钥指纹</translation>
    </message>
    <message>
        <source>Last active</source>
        <translation>最近活动</translation>
    </message>
</context>
<context>
    <name>cs::ui::PolicyForm</name>
    <message>
        <source>a, b · not a, b · list NAME · not list NAME · empty: any</source>
        <translation>a, b · not a, b · list 名称 · not list 名称 · 留空：任意</translation>
    </message>
    <message>
        <source>amount in the reference currency</source>
        <translation>以参考货币计的金额</translation>
    </message>
    <message>
        <source>Rule id</source>
        <translation>规则 ID</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>效果</translation>
    </message>
    <message>
        <source>allow</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>needs approval</source>
        <translation>需审批</translation>
    </message>
    <message>
        <source>deny</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>Venues</source>
        <translation>交易场所</translation>
    </message>
    <message>
        <source>Counterparties</source>
        <translation>交易对手</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>listed counterparty</source>
        <translation>名单内的交易对手</translation>
    </message>
    <message>
        <source>never paid before</source>
        <translation>从未付款过</translation>
    </message>
    <message>
        <source>Per transaction above</source>
        <translation>单笔高于</translation>
    </message>
    <message>
        <source>Per transaction at most</source>
        <translation>单笔至多</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>时间窗口</translation>
    </message>
    <message>
        <source>calendar_day, 24h, 7d, 3600s</source>
        <translation>calendar_day, 24h, 7d, 3600s</translation>
    </message>
    <message>
        <source>Window total above</source>
        <translation>窗口合计高于</translation>
    </message>
    <message>
        <source>Window total at most</source>
        <translation>窗口合计至多</translation>
    </message>
    <message>
        <source>Approver groups</source>
        <translation>审批组</translation>
    </message>
    <message>
        <source>group:threshold, …</source>
        <translation>组:门槛, …</translation>
    </message>
    <message>
        <source>Why so broad</source>
        <translation>为何如此宽泛</translation>
    </message>
    <message>
        <source>required for an allow rule for every agent and action without limits</source>
        <translation>对所有代理和操作且无限额的允许规则必须填写</translation>
    </message>
    <message>
        <source>Policy name</source>
        <translation>策略名称</translation>
    </message>
    <message>
        <source>Reference currency</source>
        <translation>参考货币</translation>
    </message>
    <message>
        <source>what amounts and caps are valued in</source>
        <translation>金额与上限的计价货币</translation>
    </message>
    <message>
        <source>Simulation required</source>
        <translation>需要模拟</translation>
    </message>
    <message>
        <source>yes: a proposal that does not simulate is denied</source>
        <translation>是：无法模拟的提案将被拒绝</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Largest slippage (bps)</source>
        <translation>最大滑点（基点）</translation>
    </message>
    <message>
        <source>Approvals expire after</source>
        <translation>审批过期时间</translation>
    </message>
    <message>
        <source>24h, 7d, 3600s</source>
        <translation>24h, 7d, 3600s</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>of calendar days, e.g. UTC</source>
        <translation>自然日所用时区，例如 UTC</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Agent&apos;s reputation</source>
        <translation>代理信誉</translation>
    </message>
    <message>
        <source>below trusted</source>
        <translation>低于可信</translation>
    </message>
    <message>
        <source>below provisional</source>
        <translation>低于待定</translation>
    </message>
</context>
<context>
    <name>cs::ui::PolicyListsModel</name>
    <message>
        <source>List</source>
        <translation>名单</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>cs::ui::PolicyRulesModel</name>
    <message>
        <source>above %1</source>
        <translation>高于 %1</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>至多 %1</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>%1; role %2</source>
        <translation>%1；角色 %2</translation>
    </message>
    <message>
        <source>%1 per %2</source>
        <translation>每 %2 %1</translation>
    </message>
    <message>
        <source>does not read</source>
        <translation>无法解析</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>效果</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>Venues</source>
        <translation>交易场所</translation>
    </message>
    <message>
        <source>Counterparties</source>
        <translation>交易对手</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Per transaction</source>
        <translation>单笔</translation>
    </message>
    <message>
        <source>Window cap</source>
        <translation>窗口上限</translation>
    </message>
    <message>
        <source>Approvers</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>allow</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>needs approval</source>
        <translation>需审批</translation>
    </message>
    <message>
        <source>deny</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>%1; below trusted</source>
        <translation>%1；低于可信</translation>
    </message>
    <message>
        <source>%1; below provisional</source>
        <translation>%1；低于待定</translation>
    </message>
    <message>
        <source>%1; below %2</source>
        <translation>%1；低于 %2</translation>
    </message>
</context>
<context>
    <name>cs::ui::PolicyView</name>
    <message>
        <source>Add rule…</source>
        <translation>添加规则…</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>删除规则</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Discard draft…</source>
        <translation>放弃草稿…</translation>
    </message>
    <message>
        <source>What if…</source>
        <translation>假设分析…</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>发布…</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Lists and groups</source>
        <translation>名单与组</translation>
    </message>
    <message>
        <source>Globals</source>
        <translation>全局设置</translation>
    </message>
    <message>
        <source>Cap usage</source>
        <translation>额度使用</translation>
    </message>
    <message>
        <source>What-if</source>
        <translation>假设分析</translation>
    </message>
    <message>
        <source>Changes and checks</source>
        <translation>变更与检查</translation>
    </message>
    <message>
        <source>Shadow</source>
        <translation>影子</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>策略</translation>
    </message>
    <message>
        <source>Published “%1” (version %2…) as a shadow, signed by %3 — entry %4. It decides nothing; the Shadow tab shows where it would decide otherwise.</source>
        <translation>已将“%1”（版本 %2…）作为影子发布，由 %3 签名 — 条目 %4。它不做任何决定；“影子”页显示它会在哪些地方作出不同决定。</translation>
    </message>
    <message>
        <source>Published “%1” (version %2…), signed by %3 — entry %4 of the audit log. It decides from now on.</source>
        <translation>已发布“%1”（版本 %2…），由 %3 签名 — 审计日志条目 %4。从现在起由它决定。</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>未发布：%1</translation>
    </message>
    <message>
        <source>members, separated by commas</source>
        <translation>成员，以逗号分隔</translation>
    </message>
    <message>
        <source>Add list…</source>
        <translation>添加名单…</translation>
    </message>
    <message>
        <source>Remove list</source>
        <translation>删除名单</translation>
    </message>
    <message>
        <source>members of %1</source>
        <translation>%1 的成员</translation>
    </message>
    <message>
        <source>Members:</source>
        <translation>成员：</translation>
    </message>
    <message>
        <source>Approver groups (members, separated by commas):</source>
        <translation>审批组（成员，以逗号分隔）：</translation>
    </message>
    <message>
        <source>members of group %1</source>
        <translation>组 %1 的成员</translation>
    </message>
    <message>
        <source>No shadow version runs. Publish a draft as a shadow to see, live, where it would decide otherwise than the active version — without enforcing anything.</source>
        <translation>当前没有影子版本运行。将草稿作为影子发布，即可实时查看它在哪些地方会与生效版本作出不同决定 — 且不强制执行任何内容。</translation>
    </message>
    <message>
        <source>Shadow “%1” (version %2…), published by %3 at %4, beside the active version %5….</source>
        <translation>影子“%1”（版本 %2…），由 %3 于 %4 发布，与生效版本 %5… 并行。</translation>
    </message>
    <message numerus="yes">
        <source>%n live decision(s) it would have made otherwise, worth %1 %2:</source>
        <translation>
            <numerusform>它会作出不同决定的实时决策共 %n 项，价值 %1 %2：</numerusform>
        </translation>
    </message>
    <message>
        <source>The draft kept in the workspace does not read (%1); the active version is shown.</source>
        <translation>工作区中保存的草稿无法解析（%1）；显示的是生效版本。</translation>
    </message>
    <message>
        <source>The draft kept in this workspace is open again; nobody has signed it.</source>
        <translation>已重新打开此工作区中保存的草稿；尚无人签名。</translation>
    </message>
    <message>
        <source>No policy is published yet: everything is denied.</source>
        <translation>尚未发布任何策略：一切都会被拒绝。</translation>
    </message>
    <message>
        <source>The active version is %1….</source>
        <translation>生效版本为 %1…。</translation>
    </message>
    <message>
        <source>The draft does not read: %1</source>
        <translation>草稿无法解析：%1</translation>
    </message>
    <message>
        <source>%1 The draft is the active version.</source>
        <translation>%1 草稿即生效版本。</translation>
    </message>
    <message numerus="yes">
        <source>%1 The draft differs from it in %n place(s): </source>
        <translation>
            <numerusform>%1 草稿与其有 %n 处不同：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s), </source>
        <translation>
            <numerusform>%n 个错误，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s).</source>
        <translation>
            <numerusform>%n 个警告。</numerusform>
        </translation>
    </message>
    <message>
        <source>Does not read:</source>
        <translation>无法解析：</translation>
    </message>
    <message>
        <source>Changes from the active version:</source>
        <translation>相对生效版本的变更：</translation>
    </message>
    <message>
        <source>Static checks:</source>
        <translation>静态检查：</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>The active policy has no cap over a window.</source>
        <translation>生效策略没有按时间窗口的上限。</translation>
    </message>
    <message>
        <source>Anyone may draft and try a policy here; only a risk manager publishes it.</source>
        <translation>任何人都可以在此起草和试用策略；只有风险经理可以发布。</translation>
    </message>
    <message>
        <source>Add a rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <source>The new rule&apos;s id (letters, digits, . - _):</source>
        <translation>新规则的 ID（字母、数字、. - _）：</translation>
    </message>
    <message>
        <source>There is a rule %1 already.</source>
        <translation>已存在规则 %1。</translation>
    </message>
    <message>
        <source>add rule %1</source>
        <translation>添加规则 %1</translation>
    </message>
    <message>
        <source>remove rule %1</source>
        <translation>删除规则 %1</translation>
    </message>
    <message>
        <source>move rule %1</source>
        <translation>移动规则 %1</translation>
    </message>
    <message>
        <source>Add a list</source>
        <translation>添加名单</translation>
    </message>
    <message>
        <source>The new list&apos;s name:</source>
        <translation>新名单的名称：</translation>
    </message>
    <message>
        <source>What it lists:</source>
        <translation>名单内容：</translation>
    </message>
    <message>
        <source>add list %1</source>
        <translation>添加名单 %1</translation>
    </message>
    <message>
        <source>remove list %1</source>
        <translation>删除名单 %1</translation>
    </message>
    <message>
        <source>Import a policy</source>
        <translation>导入策略</translation>
    </message>
    <message>
        <source>Policy files (*.json)</source>
        <translation>策略文件 (*.json)</translation>
    </message>
    <message>
        <source>%1 cannot be read, or is larger than 4 MiB; the draft is unchanged.</source>
        <translation>无法读取 %1，或其大于 4 MiB；草稿未变。</translation>
    </message>
    <message>
        <source>%1 is not JSON (at byte %2: %3); the draft is unchanged.</source>
        <translation>%1 不是 JSON（第 %2 字节：%3）；草稿未变。</translation>
    </message>
    <message>
        <source>%1 is not a policy document (a JSON object); the draft is unchanged.</source>
        <translation>%1 不是策略文档（JSON 对象）；草稿未变。</translation>
    </message>
    <message>
        <source>import %1</source>
        <translation>导入 %1</translation>
    </message>
    <message>
        <source>Export the draft</source>
        <translation>导出草稿</translation>
    </message>
    <message>
        <source>The draft could not be written to %1: %2</source>
        <translation>无法将草稿写入 %1：%2</translation>
    </message>
    <message>
        <source>The draft was written to %1 (signed by nobody).</source>
        <translation>草稿已写入 %1（无人签名）。</translation>
    </message>
    <message>
        <source>Discard the draft</source>
        <translation>放弃草稿</translation>
    </message>
    <message>
        <source>Go back to the active version? (Undo brings the draft back.)</source>
        <translation>回到生效版本？（撤销可恢复草稿。）</translation>
    </message>
    <message>
        <source>discard the draft</source>
        <translation>放弃草稿</translation>
    </message>
    <message>
        <source>The policy draft is not published</source>
        <translation>策略草稿尚未发布</translation>
    </message>
    <message>
        <source>Keep the draft in this workspace for next time, or discard it?</source>
        <translation>将草稿保留在此工作区以便下次使用，还是放弃？</translation>
    </message>
    <message>
        <source>Keep the draft</source>
        <translation>保留草稿</translation>
    </message>
    <message>
        <source>Discard it</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Publish the policy as %1</source>
        <translation>以 %1 身份发布策略</translation>
    </message>
    <message>
        <source>“%1” decides every proposal from the moment it is published. It is signed with your key and recorded in the audit log.</source>
        <translation>“%1”自发布起决定每一项提案。它将以您的密钥签名并记录在审计日志中。</translation>
    </message>
    <message numerus="yes">
        <source>Static checks: %n warning(s), no errors.</source>
        <translation>
            <numerusform>静态检查：%n 个警告，无错误。</numerusform>
        </translation>
    </message>
    <message>
        <source>What-if: %1</source>
        <translation>假设分析：%1</translation>
    </message>
    <message>
        <source>What-if: not run on this draft.</source>
        <translation>假设分析：尚未对此草稿运行。</translation>
    </message>
    <message>
        <source>&amp;Sign and publish</source>
        <translation>签名并发布(&amp;S)</translation>
    </message>
    <message>
        <source>Publish as a &amp;shadow: evaluated beside the active version on every live decision, never enforced; each decision it would make otherwise is recorded</source>
        <translation>作为影子发布(&amp;S)：在每次实时决策中与生效版本一同评估，从不强制执行；它会作出不同决定的每项决策都会被记录</translation>
    </message>
    <message>
        <source>%1&apos;s passphrase:</source>
        <translation>%1 的口令：</translation>
    </message>
    <message>
        <source>Publishing, signed by %1…</source>
        <translation>正在发布，由 %1 签名…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>撤销：%1</translation>
    </message>
    <message>
        <source>Redo: %1</source>
        <translation>重做：%1</translation>
    </message>
    <message>
        <source>Proposal %1</source>
        <translation>提案 %1</translation>
    </message>
</context>
<context>
    <name>cs::ui::PrincipalDialog</name>
    <message>
        <source>Add a person or an agent</source>
        <translation>添加人员或代理</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>新密钥</translation>
    </message>
    <message>
        <source>Change a status</source>
        <translation>更改状态</translation>
    </message>
    <message>
        <source>lowercase letters, digits, - and _</source>
        <translation>小写字母、数字、- 和 _</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>标识(&amp;I)：</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>角色(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>描述(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>New key&apos;s &amp;passphrase:</source>
        <translation>新密钥口令(&amp;P)：</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <source>%1&apos;s passphrase:</source>
        <translation>%1 的口令：</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>签名(&amp;S)</translation>
    </message>
    <message>
        <source>The id is lowercase letters, digits, &apos;.&apos;, &apos;:&apos;, &apos;-&apos; and &apos;_&apos;.</source>
        <translation>标识由小写字母、数字、“.”、“:”、“-”和“_”组成。</translation>
    </message>
    <message>
        <source>A status change says why.</source>
        <translation>状态更改需要说明原因。</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
    <message>
        <source>The new key needs a passphrase.</source>
        <translation>新密钥需要口令。</translation>
    </message>
    <message>
        <source>Your passphrase signs the change.</source>
        <translation>您的口令用于签署此更改。</translation>
    </message>
</context>
<context>
    <name>cs::ui::ReputationChart</name>
    <message>
        <source>score</source>
        <translation>分数</translation>
    </message>
</context>
<context>
    <name>cs::ui::ReputationModel</name>
    <message>
        <source>trusted</source>
        <translation>可信</translation>
    </message>
    <message>
        <source>provisional</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>untrusted</source>
        <translation>不可信</translation>
    </message>
    <message>
        <source>executed after approval</source>
        <translation>批准后执行</translation>
    </message>
    <message>
        <source>executed, allowed by policy</source>
        <translation>已执行，策略允许</translation>
    </message>
    <message>
        <source>executed after an approver&apos;s edit</source>
        <translation>经审批人修改后执行</translation>
    </message>
    <message>
        <source>could not plan</source>
        <translation>无法规划</translation>
    </message>
    <message>
        <source>denied by policy</source>
        <translation>被策略拒绝</translation>
    </message>
    <message>
        <source>rejected by an approver</source>
        <translation>被审批人驳回</translation>
    </message>
    <message>
        <source>refused by the parser</source>
        <translation>被解析器拒绝</translation>
    </message>
    <message>
        <source>spoke for another intent</source>
        <translation>代表了另一个意图</translation>
    </message>
    <message>
        <source>outside its intent&apos;s bounds</source>
        <translation>超出其意图的范围</translation>
    </message>
    <message>
        <source>settlement failed</source>
        <translation>结算失败</translation>
    </message>
    <message>
        <source>settlement unknown</source>
        <translation>结算状态未知</translation>
    </message>
    <message>
        <source>risk under-claimed</source>
        <translation>风险申报偏低</translation>
    </message>
    <message>
        <source>settled other than simulated</source>
        <translation>结算与模拟不符</translation>
    </message>
    <message numerus="yes">
        <source>Change over its last %n scored outcomes</source>
        <translation>
            <numerusform>最近 %n 个已评分结果的变化</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Last activity (UTC)</source>
        <translation>最近活动（UTC）</translation>
    </message>
</context>
<context>
    <name>cs::ui::ReputationView</name>
    <message>
        <source>Kill switch in People &amp;&amp; agents…</source>
        <translation>在“人员和代理”中使用紧急开关…</translation>
    </message>
    <message>
        <source>All their history</source>
        <translation>全部历史</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Scores over time (select several agents to compare; click an outcome to see its entry):</source>
        <translation>分数随时间变化（选择多个代理进行比较；点击某个结果可查看其条目）：</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>Reputation</source>
        <translation>信誉</translation>
    </message>
    <message>
        <source>Select an agent.</source>
        <translation>请选择一个代理。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2, %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;：%2，%3</translation>
    </message>
    <message numerus="yes">
        <source>%n scored outcome(s), %1 against it</source>
        <translation>
            <numerusform>%n 个已评分结果，其中 %1 个不利</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cs::ui::Session</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Not signed in (File &gt; Sign In): read only.</source>
        <translation>未登录（文件 &gt; 登录）：只读。</translation>
    </message>
    <message>
        <source>Signing as %1.</source>
        <translation>以 %1 身份签名。</translation>
    </message>
    <message>
        <source>Read only for %1: %2.</source>
        <translation>%1 只读：%2。</translation>
    </message>
</context>
<context>
    <name>cs::ui::SignInDialog</name>
    <message>
        <source>Sign In</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Who are you in this workspace? Everything you sign in the console is signed with your key, and your role decides what you can do here. Your passphrase is asked each time you sign.</source>
        <translation>您在此工作区中是谁？您在控制台中签署的一切都使用您的密钥签名，您的角色决定您在此可以做什么。每次签名都会询问您的口令。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&amp;Sign In</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>Nobody here may sign in: no active approver, risk manager or analyst.</source>
        <translation>此处无人可以登录：没有在职的审批人、风险经理或分析师。</translation>
    </message>
    <message>
        <source>Choose who you are.</source>
        <translation>请选择您的身份。</translation>
    </message>
    <message>
        <source>A risk manager signs verdicts and changes people, agents, the world and the policy.</source>
        <translation>风险经理签署裁决，并更改人员、代理、世界和策略。</translation>
    </message>
    <message>
        <source>An approver signs verdicts on the proposals that wait for their group; everything else is read only.</source>
        <translation>审批人对等待其小组处理的提案签署裁决；其他一切均为只读。</translation>
    </message>
    <message>
        <source>An analyst reads everything and signs nothing: every action that signs stays disabled.</source>
        <translation>分析师可读取一切但不签署任何内容：所有需要签名的操作都保持禁用。</translation>
    </message>
</context>
<context>
    <name>cs::ui::VerdictDialog</name>
    <message>
        <source>%1 on %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1&apos;s %2 of %3 to &lt;b&gt;%4&lt;/b&gt;</source>
        <translation>%1 的%2：%3 至 &lt;b&gt;%4&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Approve %1?</source>
        <translation>批准%1？</translation>
    </message>
    <message>
        <source>Reject %1?</source>
        <translation>拒绝%1？</translation>
    </message>
    <message>
        <source>Tighten and approve %1?</source>
        <translation>收紧并批准%1？</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>签名(&amp;S)</translation>
    </message>
    <message>
        <source>Reject %1</source>
        <translation>拒绝 %1</translation>
    </message>
    <message>
        <source>Edit and approve %1</source>
        <translation>编辑并批准 %1</translation>
    </message>
    <message>
        <source>Approve %1</source>
        <translation>批准 %1</translation>
    </message>
    <message>
        <source>It cannot execute now (%1): an approval that completes the quorum fails it.</source>
        <translation>现在无法执行（%1）：达到法定人数的批准将使其失败。</translation>
    </message>
    <message>
        <source>Signing as:</source>
        <translation>签名身份：</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>签名对象：</translation>
    </message>
    <message>
        <source>Why (recorded in the audit log)</source>
        <translation>原因（记录在审计日志中）</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Lower only; the new version is simulated and decided again</source>
        <translation>只能降低；新版本将重新模拟和决策</translation>
    </message>
    <message>
        <source>&amp;Amount (%1, lower only):</source>
        <translation>金额(&amp;A)（%1，只能降低）：</translation>
    </message>
    <message>
        <source>&amp;Min out (%1, higher only):</source>
        <translation>最低收到(&amp;M)（%1，只能提高）：</translation>
    </message>
    <message>
        <source>Remembered for this session (Ctrl+L forgets it)</source>
        <translation>本次会话已记住（Ctrl+L 忘记）</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <source>&amp;Passphrase of %1:</source>
        <translation>%1 的口令(&amp;P)：</translation>
    </message>
    <message>
        <source>Re&amp;member it for this session (Ctrl+L forgets it)</source>
        <translation>在本次会话中记住(&amp;E)（Ctrl+L 忘记）</translation>
    </message>
    <message>
        <source>Check the amount and the destination, then sign with Enter.</source>
        <translation>请核对金额和目标，然后按 Enter 签名。</translation>
    </message>
    <message>
        <source>Check the amount and the destination. Signing is possible in %1 s.</source>
        <translation>请核对金额和目标。%1 秒后可以签名。</translation>
    </message>
</context>
<context>
    <name>cs::ui::WhatIfPanel</name>
    <message>
        <source>Run what-if</source>
        <translation>运行假设分析</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Run the draft over the whole history to see which decisions it changes.</source>
        <translation>在全部历史上运行草稿，查看它会改变哪些决策。</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>决策数</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Intent</source>
        <translation>意图</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>已记录</translation>
    </message>
    <message>
        <source>Under the draft</source>
        <translation>按草稿</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>The what-if was cancelled; nothing changed.</source>
        <translation>假设分析已取消；没有任何改变。</translation>
    </message>
    <message>
        <source>The what-if failed: %1</source>
        <translation>假设分析失败：%1</translation>
    </message>
    <message>
        <source>Re-deciding the whole history under the draft…</source>
        <translation>正在按草稿重新决策全部历史…</translation>
    </message>
    <message numerus="yes">
        <source>%n of %1 recorded decisions change under the draft. Value allowed: %2 as recorded, %3 under the draft.</source>
        <translation>
            <numerusform>在 %1 项已记录决策中，按草稿有 %n 项改变。允许的价值：记录为 %2，按草稿为 %3。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>The first %1 changed proposals are listed.</source>
        <translation>列出了前 %1 项改变的提案。</translation>
    </message>
    <message>
        <source>allowed as recorded</source>
        <translation>记录中允许的</translation>
    </message>
    <message>
        <source>allowed under the draft</source>
        <translation>按草稿允许的</translation>
    </message>
    <message>
        <source>value allowed per day (%1)</source>
        <translation>每日允许的价值（%1）</translation>
    </message>
    <message>
        <source>Double-click a proposal to see it in the approval detail</source>
        <translation>双击提案以在审批详情中查看</translation>
    </message>
</context>
<context>
    <name>cs::ui::WorldView</name>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Add &amp;counterparty…</source>
        <translation>添加交易对手(&amp;C)…</translation>
    </message>
    <message>
        <source>Set &amp;price…</source>
        <translation>设置价格(&amp;P)…</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Balances</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>交易对手</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>On lists</source>
        <translation>所在名单</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>交易场所</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>计价资产</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <source>List</source>
        <translation>名单</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Counterparties</source>
        <translation>交易对手</translation>
    </message>
    <message>
        <source>Venues</source>
        <translation>交易场所</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>名单</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>World</source>
        <translation>世界</translation>
    </message>
    <message>
        <source>The world file was written to %1.</source>
        <translation>世界文件已写入 %1。</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>未作任何更改：%1</translation>
    </message>
    <message>
        <source>World not changed</source>
        <translation>世界未更改</translation>
    </message>
    <message>
        <source>Nothing was changed:
%1</source>
        <translation>未作任何更改：
%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 accounts, %2 counterparties, %3 venues, %4 prices, %5 lists.</source>
        <translation>%1 个账户，%2 个交易对手，%3 个交易场所，%4 个价格，%5 个名单。</translation>
    </message>
    <message>
        <source>Sign as %1</source>
        <translation>以 %1 身份签名</translation>
    </message>
    <message>
        <source>&amp;Sign</source>
        <translation>签名(&amp;S)</translation>
    </message>
    <message>
        <source>%1&apos;s passphrase:</source>
        <translation>%1 的口令：</translation>
    </message>
    <message>
        <source>Import a world file</source>
        <translation>导入世界文件</translation>
    </message>
    <message>
        <source>World files (*.json)</source>
        <translation>世界文件 (*.json)</translation>
    </message>
    <message>
        <source>%1 cannot be read, or is larger than 16 MiB.</source>
        <translation>无法读取 %1，或其大于 16 MiB。</translation>
    </message>
    <message>
        <source>Add what %1 holds that this workspace does not, all or nothing. What is there already must be the same; opening balances are recorded in the signed entry.</source>
        <translation>添加 %1 中有而本工作区没有的内容，要么全部添加，要么不做更改。已有的内容必须一致；期初余额记录在签名条目中。</translation>
    </message>
    <message>
        <source>Export the world</source>
        <translation>导出世界</translation>
    </message>
    <message>
        <source>Add a counterparty</source>
        <translation>添加交易对手</translation>
    </message>
    <message>
        <source>lowercase letters, digits, - and _</source>
        <translation>小写字母、数字、- 和 _</translation>
    </message>
    <message>
        <source>&amp;Id:</source>
        <translation>标识(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>Add the counterparty %1. Agents can pay it once a rule of the policy allows it.</source>
        <translation>添加交易对手 %1。一旦策略规则允许，代理即可向其付款。</translation>
    </message>
    <message>
        <source>Set a price</source>
        <translation>设置价格</translation>
    </message>
    <message>
        <source>a decimal, e.g. 3250.5</source>
        <translation>十进制数，例如 3250.5</translation>
    </message>
    <message>
        <source>&amp;Asset:</source>
        <translation>资产(&amp;A)：</translation>
    </message>
    <message>
        <source>In &amp;quote asset:</source>
        <translation>计价资产(&amp;Q)：</translation>
    </message>
    <message>
        <source>&amp;Price:</source>
        <translation>价格(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>来源(&amp;S)：</translation>
    </message>
    <message>
        <source>One %1 is worth %2 %3 from now on; earlier decisions keep the price they were made with.</source>
        <translation>从现在起 1 个 %1 价值 %2 %3；之前的决策保留其当时使用的价格。</translation>
    </message>
    <message>
        <source>only a risk manager changes the world</source>
        <translation>只有风险经理可以更改世界</translation>
    </message>
    <message>
        <source>E&amp;dit…</source>
        <translation>编辑(&amp;D)…</translation>
    </message>
    <message>
        <source>Change the selected item&apos;s name or description, the texts no decision reads</source>
        <translation>更改所选项的名称或描述——任何决策都不读取的文本</translation>
    </message>
    <message>
        <source>Change the name of %1. No decision reads it; the change is signed and recorded with the name before and after.</source>
        <translation>更改 %1 的名称。任何决策都不读取它；此更改将被签名，并记录更改前后的名称。</translation>
    </message>
    <message>
        <source>Change the description of %1. No decision reads it; the change is signed and recorded with the description before and after.</source>
        <translation>更改 %1 的描述。任何决策都不读取它；此更改将被签名，并记录更改前后的描述。</translation>
    </message>
    <message>
        <source>New &amp;name:</source>
        <translation>新名称(&amp;N)：</translation>
    </message>
    <message>
        <source>New &amp;description:</source>
        <translation>新描述(&amp;D)：</translation>
    </message>
    <message>
        <source>The accounts, counterparties, venues, prices and lists the engine decides on. A risk manager adds to them — one item, or a whole world file — sets prices and edits names and descriptions; each change is signed and recorded, and an import is all or nothing.</source>
        <translation>引擎据以决策的账户、交易对手、交易场所、价格和名单。风险经理可逐项或以整个世界文件的方式添加，设置价格，并编辑名称和描述；每项更改都会签名并记录，导入要么全部成功，要么不做任何更改。</translation>
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
    <message>
        <source>Sign in as this person (an active approver, risk manager or analyst) instead of being asked.</source>
        <translation>以此人身份登录（在职的审批人、风险经理或分析师），而不是询问。</translation>
    </message>
</context>
</TS>
