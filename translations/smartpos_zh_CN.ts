<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CameraPanel</name>
    <message>
        <source>Camera</source>
        <translation>摄像头扫码</translation>
    </message>
</context>
<context>
    <name>CartLineDelegate</name>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
<context>
    <name>CashierView</name>
    <message>
        <source>Cashier</source>
        <translation>收银台</translation>
    </message>
    <message>
        <source>Scan or type a barcode, then Enter</source>
        <translation>扫描或输入条码，按 Enter 确认</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索商品</translation>
    </message>
    <message>
        <source>Scan the first product</source>
        <translation>请扫描第一件商品</translation>
    </message>
    <message>
        <source>Change ¥%1</source>
        <translation>找零 ¥%1</translation>
    </message>
    <message>
        <source>Enter or the next scan starts a new sale</source>
        <translation>按 Enter 或直接扫码，开始下一笔交易</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>共 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>incl. VAT ¥%1</source>
        <translation>含增值税 ¥%1</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Cash payment</source>
        <translation>现金支付</translation>
    </message>
    <message>
        <source>Quantity +1</source>
        <translation>数量 +1</translation>
    </message>
    <message>
        <source>Quantity −1</source>
        <translation>数量 −1</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除商品</translation>
    </message>
    <message>
        <source>Cancel sale</source>
        <translation>取消交易</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <source>Cash received ¥%1</source>
        <translation>实收现金 ¥%1</translation>
    </message>
    <message>
        <source>No sale (open drawer)</source>
        <translation>开钱箱（无交易）</translation>
    </message>
    <message>
        <source>Saved ¥%1</source>
        <translation>已优惠 ¥%1</translation>
    </message>
</context>
<context>
    <name>CashierWindow</name>
    <message>
        <source>SmartPOS — Cashier</source>
        <translation>SmartPOS — 收银台</translation>
    </message>
</context>
<context>
    <name>CustomerView</name>
    <message>
        <source>Fresh fruit every morning</source>
        <translation>新鲜水果，每天早上到店</translation>
    </message>
    <message>
        <source>Hot coffee, made to order</source>
        <translation>现磨热咖啡，现点现做</translation>
    </message>
    <message>
        <source>Cold drinks, always chilled</source>
        <translation>冷饮全天冰镇，随时畅饮</translation>
    </message>
    <message>
        <source>Members earn points on every purchase</source>
        <translation>会员每次消费均可积分</translation>
    </message>
    <message>
        <source>Welcome!</source>
        <translation>欢迎光临！</translation>
    </message>
    <message>
        <source>Your items</source>
        <translation>您的商品</translation>
    </message>
    <message>
        <source>Please pay</source>
        <translation>请付款</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>共 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>谢谢惠顾！</translation>
    </message>
    <message>
        <source>Your change ¥%1</source>
        <translation>找零 ¥%1</translation>
    </message>
    <message>
        <source>Please take your receipt. See you soon!</source>
        <translation>请收好小票，欢迎再次光临！</translation>
    </message>
    <message>
        <source>Total ¥%1 · cash received ¥%2</source>
        <translation>应付 ¥%1 · 实付现金 ¥%2</translation>
    </message>
    <message>
        <source>You save ¥%1</source>
        <translation>本单共省 ¥%1</translation>
    </message>
    <message>
        <source>You saved ¥%1</source>
        <translation>本单共省 ¥%1</translation>
    </message>
</context>
<context>
    <name>CustomerWindow</name>
    <message>
        <source>SmartPOS — Customer display</source>
        <translation>SmartPOS — 顾客显示屏</translation>
    </message>
</context>
<context>
    <name>ErrorWindow</name>
    <message>
        <source>SmartPOS cannot start</source>
        <translation>SmartPOS 无法启动</translation>
    </message>
    <message>
        <source>No sale was lost: the data files were not changed. Fix the problem above, then start SmartPOS again.</source>
        <translation>没有丢失任何交易：数据文件未被改动。请先解决上述问题，再重新启动 SmartPOS。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>JoinPanel</name>
    <message>
        <source>Join and earn points</source>
        <translation>入会赚积分</translation>
    </message>
    <message>
        <source>Scan the code with your phone, or type your mobile number</source>
        <translation>用手机扫码，或输入手机号</translation>
    </message>
    <message>
        <source>Mobile number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>I&apos;m a member</source>
        <translation>我是会员</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>加入会员</translation>
    </message>
</context>
<context>
    <name>KeyHints</name>
    <message>
        <source>Search</source>
        <translation>搜索商品</translation>
    </message>
    <message>
        <source>Select line</source>
        <translation>选择商品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>增减数量</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除商品</translation>
    </message>
    <message>
        <source>Cancel sale</source>
        <translation>取消交易</translation>
    </message>
    <message>
        <source>Pay cash</source>
        <translation>现金支付</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>切换语言</translation>
    </message>
    <message>
        <source>Add barcode / next sale</source>
        <translation>加入条码 / 下一笔</translation>
    </message>
    <message>
        <source>No sale</source>
        <translation>开钱箱</translation>
    </message>
    <message>
        <source>Reprint</source>
        <translation>重印</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>摄像头扫码</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
</context>
<context>
    <name>MemberCard</name>
    <message>
        <source>Happy birthday!</source>
        <translation>生日快乐！</translation>
    </message>
    <message>
        <source>Balance: %1</source>
        <translation>余额：%1</translation>
    </message>
    <message>
        <source>Your coupons</source>
        <translation>我的优惠券</translation>
    </message>
</context>
<context>
    <name>MemberEntry</name>
    <message>
        <source>Member by phone number</source>
        <translation>按手机号查找会员</translation>
    </message>
    <message>
        <source>Mobile number, e.g. 138 1234 5678</source>
        <translation>手机号，如 138 1234 5678</translation>
    </message>
    <message>
        <source>To sign up, read out and ask: “%1”</source>
        <translation>入会前请向顾客读出并征得同意：“%1”</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Sign up (agreed)</source>
        <translation>入会（已同意）</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>MemberStrip</name>
    <message>
        <source>No member — F6 to look up by phone, or scan their member code</source>
        <translation>非会员 — 按 F6 用手机号查找，或扫描会员码</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Birthday today</source>
        <translation>今天生日</translation>
    </message>
    <message>
        <source>Remove last coupon</source>
        <translation>撤下上一张券</translation>
    </message>
    <message>
        <source>Give coupon</source>
        <translation>发券</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>移除会员</translation>
    </message>
</context>
<context>
    <name>PaymentPanel</name>
    <message>
        <source>Cash payment</source>
        <translation>现金支付</translation>
    </message>
    <message>
        <source>Amount due ¥%1</source>
        <translation>应收 ¥%1</translation>
    </message>
    <message>
        <source>Cash received, e.g. 100</source>
        <translation>输入实收金额，如 100</translation>
    </message>
    <message>
        <source>Pay</source>
        <translation>确认收款</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Exact amount</source>
        <translation>无需找零</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Search products by name, SKU or barcode</source>
        <translation>按名称、货号或条码搜索商品</translation>
    </message>
</context>
<context>
    <name>SingleWindow</name>
    <message>
        <source>SmartPOS</source>
        <translation>SmartPOS</translation>
    </message>
</context>
<context>
    <name>smartpos::AppData</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is %2 bytes: promotions files are at most 1 MiB</source>
        <translation>%1 有 %2 字节：促销文件最大为 1 MiB</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>smartpos::CashierController</name>
    <message>
        <source>Sale cancelled.</source>
        <translation>交易已取消。</translation>
    </message>
    <message>
        <source>“%1” is not an amount. Type it like 100 or 58.50.</source>
        <translation>“%1”不是有效金额，请输入如 100 或 58.50。</translation>
    </message>
    <message>
        <source>Sale %1 saved.</source>
        <translation>交易已保存，流水号 %1。</translation>
    </message>
    <message>
        <source>Drawer opened (no sale) — recorded</source>
        <translation>钱箱已打开（无交易），已记录</translation>
    </message>
    <message>
        <source>No receipt printer is set up (printer/uri in smartpos.ini).</source>
        <translation>未设置小票打印机（smartpos.ini 中的 printer/uri）。</translation>
    </message>
    <message>
        <source>No sale to reprint yet.</source>
        <translation>还没有可重印的销售。</translation>
    </message>
    <message>
        <source>Receipt of sale %1 queued again (REPRINT).</source>
        <translation>销售 %1 的小票已重新排队打印（重印）。</translation>
    </message>
    <message>
        <source>Member (no name)</source>
        <translation>会员（未留姓名）</translation>
    </message>
    <message>
        <source>+%1 this sale</source>
        <comment>points the sale earns</comment>
        <translation>+%1（本单）</translation>
    </message>
    <message>
        <source>Using points: −¥%1 (%2)</source>
        <translation>已用积分抵 −¥%1（%2）</translation>
    </message>
    <message>
        <source>Use points: −¥%1 (%2)</source>
        <translation>用积分抵 −¥%1（%2）</translation>
    </message>
    <message>
        <source>coupon #%1</source>
        <translation>优惠券 #%1</translation>
    </message>
    <message>
        <source>Given: %1</source>
        <translation>已发放：%1</translation>
    </message>
    <message>
        <source>for the next visit</source>
        <translation>下次可用</translation>
    </message>
    <message>
        <source>Member: %1 · %2</source>
        <translation>会员：%1 · %2</translation>
    </message>
    <message>
        <source>The member was taken off this sale.</source>
        <translation>已将会员从本单移除。</translation>
    </message>
    <message>
        <source>No member in this sale: F6 looks one up by phone.</source>
        <translation>本单没有会员：按 F6 可用手机号查找。</translation>
    </message>
    <message>
        <source>Coupon taken off; it can be used another time.</source>
        <translation>已撤下优惠券，可下次再用。</translation>
    </message>
    <message>
        <source>No coupon to take off.</source>
        <translation>没有可撤下的优惠券。</translation>
    </message>
    <message>
        <source>No face-to-face coupons are set up at this till.</source>
        <translation>本收银机未设置现场发放的优惠券。</translation>
    </message>
    <message>
        <source>Coupon #%1 given with this sale.</source>
        <translation>已随本单发放优惠券 #%1。</translation>
    </message>
</context>
<context>
    <name>smartpos::CatalogStore</name>
    <message>
        <source>PLU %1 already belongs to another product</source>
        <translation>PLU %1 已被其他商品使用</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>the first line must be the header: %1</source>
        <translation>第一行必须是表头：%1</translation>
    </message>
    <message>
        <source>SKU %1 appears twice in the file</source>
        <translation>SKU %1 在文件中重复出现</translation>
    </message>
    <message>
        <source>PLU %1 appears twice in the file</source>
        <translation>PLU %1 在文件中重复出现</translation>
    </message>
    <message>
        <source>barcode %1 appears twice in the file</source>
        <translation>条码 %1 在文件中重复出现</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>expected 9 fields, found %1</source>
        <translation>应有 9 个字段，实际为 %1 个</translation>
    </message>
    <message>
        <source>the SKU is empty</source>
        <translation>SKU（货号）为空</translation>
    </message>
    <message>
        <source>barcode &quot;%1&quot; is not a valid EAN-13, EAN-8 or UPC-A</source>
        <translation>条码“%1”不是有效的 EAN-13、EAN-8 或 UPC-A 条码</translation>
    </message>
    <message>
        <source>barcode %1 is in the in-store range (prefix 2) kept for scale labels</source>
        <translation>条码 %1 属于店内码段（前缀 2），该码段专用于电子秤标签</translation>
    </message>
    <message>
        <source>the product has no name</source>
        <translation>商品没有名称</translation>
    </message>
    <message>
        <source>the category is empty</source>
        <translation>商品分类为空</translation>
    </message>
    <message>
        <source>price_fen &quot;%1&quot; is not a whole number of fen ≥ 0</source>
        <translation>price_fen“%1”不是 ≥ 0 的整数（单位：分）</translation>
    </message>
    <message>
        <source>sold_by &quot;%1&quot; is neither unit nor weight</source>
        <translation>sold_by“%1”既不是 unit 也不是 weight</translation>
    </message>
    <message>
        <source>a product sold by weight needs a PLU for scale labels</source>
        <translation>称重商品必须有 PLU 码，供电子秤标签使用</translation>
    </message>
    <message>
        <source>a product sold by unit needs at least one barcode</source>
        <translation>按件销售的商品至少需要一个条码</translation>
    </message>
    <message>
        <source>The tables of %1 are damaged. Import the catalog again into a new data folder, or restore the file from a backup.</source>
        <translation>%1 的数据表已损坏。请将商品库重新导入到新的数据文件夹，或从备份恢复该文件。</translation>
    </message>
    <message>
        <source>price_fen %1 is above ¥%2, the most one product may cost (unit_price in smartpos.ini)</source>
        <translation>price_fen %1 超过 ¥%2，即单个商品的最高价格（smartpos.ini 中的 unit_price）</translation>
    </message>
    <message>
        <source>price_fen &quot;%1&quot; is not a whole number of fen: the column is in fen, so ¥%2 is %3</source>
        <translation>price_fen “%1”不是以分为单位的整数：此列的单位是分，¥%2 应写作 %3</translation>
    </message>
    <message>
        <source>price_fen %1 (¥%2) is above ¥%3, the most one product may cost (unit_price in smartpos.ini)</source>
        <translation>price_fen %1（¥%2）超过 ¥%3，即单个商品的最高价格（smartpos.ini 中的 unit_price）</translation>
    </message>
    <message>
        <source>a product sold by weight needs a price per kg above 0</source>
        <translation>称重商品的每公斤价格必须大于 0</translation>
    </message>
    <message>
        <source>plu &quot;%1&quot; is not a number (digits 0–9 only)</source>
        <translation>PLU “%1”不是数字（只能是 0–9）</translation>
    </message>
    <message>
        <source>plu %1 is zero; scale labels number products from 1</source>
        <translation>PLU %1 为零；条码秤的商品编号从 1 开始</translation>
    </message>
    <message>
        <source>plu %1 has %2 digits, but the scale labels carry %3 (scanner/variable_layouts in smartpos.ini)</source>
        <translation>PLU %1 有 %2 位，但秤签只能容纳 %3 位（smartpos.ini 中的 scanner/variable_layouts）</translation>
    </message>
    <message>
        <source>%1 holds a control or invisible character (U+%2): retype it</source>
        <translation>%1 含有控制字符或不可见字符（U+%2）：请重新输入</translation>
    </message>
    <message>
        <source>%1 has %2 characters; at most %3 fit a receipt line</source>
        <translation>%1 有 %2 个字符；小票一行最多 %3 个</translation>
    </message>
    <message>
        <source>tax_rate_bp &quot;%1&quot; is not between 0 and %2 (basis points: 13 % is 1300)</source>
        <translation>tax_rate_bp “%1”不在 0 到 %2 之间（单位是基点：13% 写作 1300）</translation>
    </message>
    <message>
        <source>tax_rate_bp %1 is %1 basis points, under 1 %: the column is in basis points, so %1 % is %2</source>
        <translation>tax_rate_bp %1 表示 %1 个基点，不到 1%：此列单位是基点，%1% 应写作 %2</translation>
    </message>
    <message>
        <source>PLU %1 belongs to %2 (%3), which this file does not list. To move the PLU, list %2 with its new PLU in the same file.</source>
        <translation>PLU %1 属于 %2（%3），但此文件没有列出该商品。若要转移此 PLU，请在同一文件中列出 %2 及其新的 PLU。</translation>
    </message>
    <message>
        <source>barcode %1 belongs to %2 (%3), which this file does not list. To move the barcode, list %2 with its other barcodes in the same file.</source>
        <translation>条码 %1 属于 %2（%3），但此文件没有列出该商品。若要转移此条码，请在同一文件中列出 %2 及其其余条码。</translation>
    </message>
</context>
<context>
    <name>smartpos::ChainKeys</name>
    <message>
        <source>The chain&apos;s code keys are already in %1 (%2). Nothing was changed: codes keygen never replaces keys, since every code made with them would stop checking.</source>
        <translation>连锁的码密钥已在 %1（%2）。未做任何更改：codes keygen 从不替换密钥，否则用它们生成的所有码都将无法通过校验。</translation>
    </message>
    <message>
        <source>OpenSSL could not make an Ed25519 key.</source>
        <translation>OpenSSL 无法生成 Ed25519 密钥。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot rename %1 to %2.</source>
        <translation>无法将 %1 重命名为 %2。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>There are no code keys in %1. `smartpos-admin codes keygen` makes the demo chain&apos;s; in a store they come from the chain.</source>
        <translation>%1 中没有码密钥。`smartpos-admin codes keygen` 可生成演示连锁的密钥；门店中的密钥由连锁总部下发。</translation>
    </message>
    <message>
        <source>%1 is not %2. Restore it from a backup, or ask the chain for it.</source>
        <translation>%1 不是%2。请从备份恢复，或向连锁总部索取。</translation>
    </message>
    <message>
        <source>an Ed25519 private key (PEM)</source>
        <translation>Ed25519 私钥（PEM）</translation>
    </message>
    <message>
        <source>a list of Ed25519 public keys (PEM)</source>
        <translation>Ed25519 公钥列表（PEM）</translation>
    </message>
    <message>
        <source>a member-code secret (64 hex digits)</source>
        <translation>会员码密钥（64 位十六进制数字）</translation>
    </message>
    <message>
        <source>The public key of %1 is not in %2: coupons signed here would not check. Restore both from the same backup.</source>
        <translation>%1 的公钥不在 %2 中：在此签发的优惠券将无法通过校验。请从同一份备份中恢复两者。</translation>
    </message>
</context>
<context>
    <name>smartpos::CouponPool</name>
    <message>
        <source>%1 exists: campaign %2 has a pool already (--replace writes a new one).</source>
        <translation>%1 已存在：活动 %2 已有券池（使用 --replace 可重新生成）。</translation>
    </message>
    <message>
        <source>The folder %1 cannot be made.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>The coupon pool %1 cannot be read: %2</source>
        <translation>无法读取券池 %1：%2</translation>
    </message>
    <message>
        <source>The coupon pool %1 cannot be used (line %2: %3). Write it again with smartpos-admin codes pool, or remove it.</source>
        <translation>券池 %1 无法使用（第 %2 行：%3）。请用 smartpos-admin codes pool 重新生成，或将其删除。</translation>
    </message>
    <message>
        <source>not a coupon code</source>
        <translation>不是优惠券码</translation>
    </message>
    <message>
        <source>“%1” is not campaign=, name_zh= or name_en=</source>
        <translation>“%1”不是 campaign=、name_zh= 或 name_en= 行</translation>
    </message>
    <message>
        <source>the campaign= line must come before the codes</source>
        <translation>campaign= 行必须在券码之前</translation>
    </message>
    <message>
        <source>the code is not a genuine coupon of this chain</source>
        <translation>该码不是本连锁签发的真实优惠券</translation>
    </message>
    <message>
        <source>the coupon is of campaign %1</source>
        <translation>该券属于活动 %1</translation>
    </message>
    <message>
        <source>the coupon is bound to member %1</source>
        <translation>该券已绑定会员 %1</translation>
    </message>
</context>
<context>
    <name>smartpos::CsvReader</name>
    <message>
        <source>a quoted field is never closed</source>
        <translation>带引号的字段缺少结束引号</translation>
    </message>
    <message>
        <source>this build cannot read GB18030 (Qt without ICU): save the file as UTF-8 (in Excel: “CSV UTF-8”)</source>
        <translation>此版本无法读取 GB18030（Qt 未带 ICU）：请将文件另存为 UTF-8（Excel 中选择“CSV UTF-8”）</translation>
    </message>
    <message>
        <source>this line is not UTF-8 text; it looks like GB18030/GBK, as Excel saves CSV on Chinese Windows: import the file with --encoding gb18030, or save it as “CSV UTF-8”</source>
        <translation>此行不是 UTF-8 文本，看起来是 GB18030/GBK 编码（中文版 Windows 的 Excel 会这样保存 CSV）：请用 --encoding gb18030 导入，或将文件另存为“CSV UTF-8”</translation>
    </message>
    <message>
        <source>this line is not UTF-8 text: save the file as UTF-8 (in Excel: “CSV UTF-8”)</source>
        <translation>此行不是 UTF-8 文本：请将文件另存为 UTF-8（Excel 中选择“CSV UTF-8”）</translation>
    </message>
    <message>
        <source>this line is UTF-8 text, not GB18030: import the file without --encoding gb18030</source>
        <translation>此行是 UTF-8 文本，不是 GB18030：请不加 --encoding gb18030 导入</translation>
    </message>
    <message>
        <source>this line is not GB18030/GBK text: save the file as UTF-8 (in Excel: “CSV UTF-8”) and import it without --encoding</source>
        <translation>此行不是 GB18030/GBK 文本：请将文件另存为 UTF-8（Excel 中选择“CSV UTF-8”）并不加 --encoding 导入</translation>
    </message>
</context>
<context>
    <name>smartpos::CustomerDisplay</name>
    <message>
        <source>Hello, %1</source>
        <translation>您好，%1</translation>
    </message>
    <message>
        <source>You earned %1</source>
        <translation>本次获得 %1</translation>
    </message>
    <message>
        <source>You earn %1 with this sale</source>
        <translation>本单可得 %1</translation>
    </message>
    <message>
        <source>You paid with %1</source>
        <translation>已用 %1 抵扣</translation>
    </message>
    <message>
        <source>%1 pay ¥%2</source>
        <comment>points</comment>
        <translation>%1 抵 ¥%2</translation>
    </message>
    <message>
        <source>Your points: %1</source>
        <translation>现有 %1</translation>
    </message>
    <message>
        <source>This number is not a member yet. Tick the box and tap Join.</source>
        <translation>该手机号还不是会员。请勾选同意，再点“加入会员”。</translation>
    </message>
    <message>
        <source>That did not work. The cashier can help.</source>
        <translation>操作未成功，请联系收银员。</translation>
    </message>
    <message>
        <source>Welcome! You earn points with this sale.</source>
        <translation>欢迎加入！本单即可积分。</translation>
    </message>
</context>
<context>
    <name>smartpos::DataDirLock</name>
    <message>
        <source>Cannot create the lock file in %1. Check that the folder is writable.</source>
        <translation>无法在 %1 中创建锁文件。请检查该文件夹是否可写。</translation>
    </message>
    <message>
        <source>Cannot lock the data folder %1.</source>
        <translation>无法锁定数据文件夹 %1。</translation>
    </message>
    <message>
        <source>Another SmartPOS (%1) is using the data folder %2. Close it first: two tills on one ledger would corrupt the sequence of sales.</source>
        <translation>另一个 SmartPOS（%1）正在使用数据文件夹 %2。请先关闭它：两台收银机共用一个账本会打乱交易序号。</translation>
    </message>
</context>
<context>
    <name>smartpos::Database</name>
    <message>
        <source>The data folder %1 does not exist.</source>
        <translation>数据文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>Cannot create %1: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
    <message>
        <source>%1 cannot use write-ahead logging (journal mode is %2).</source>
        <translation>%1 无法使用预写日志（WAL）模式（当前日志模式为 %2）。</translation>
    </message>
    <message>
        <source>%1 refuses synchronous=FULL; sales would not be durable.</source>
        <translation>%1 不接受 synchronous=FULL 设置，交易数据无法可靠保存。</translation>
    </message>
    <message>
        <source>The disk holding %1 is full. Nothing was saved; free some space and try again.</source>
        <translation>%1 所在磁盘已满，未保存任何数据。请清理出空间后重试。</translation>
    </message>
    <message>
        <source>%1 is read-only. Nothing was saved; check the file&apos;s permissions and the disk.</source>
        <translation>%1 为只读，未保存任何数据。请检查文件权限和磁盘。</translation>
    </message>
    <message>
        <source>%1 is damaged or is not a SmartPOS database. It was left untouched; restore it from a backup or call support.</source>
        <translation>%1 已损坏或不是 SmartPOS 数据库。文件未被改动；请从备份恢复，或联系技术支持。</translation>
    </message>
    <message>
        <source>Cannot open %1. Check that the folder exists and is writable.</source>
        <translation>无法打开 %1。请检查所在文件夹是否存在且可写。</translation>
    </message>
    <message>
        <source>The data folder %1 is a file, not a folder.</source>
        <translation>数据文件夹 %1 是一个文件，不是文件夹。</translation>
    </message>
    <message>
        <source>Cannot create the data folder %1. Check that its parent exists and is writable.</source>
        <translation>无法创建数据文件夹 %1。请检查其上级文件夹是否存在且可写。</translation>
    </message>
    <message>
        <source>The disk reported an error on %1 (%2): it may be full or failing. Nothing was saved; free some space or check the disk, then try again.</source>
        <translation>写入 %1 时磁盘报错（%2）：磁盘可能已满或出现故障。本次未保存任何数据；请清理磁盘空间或检查磁盘后重试。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>%1 was written by a newer SmartPOS (schema %2, this version knows %3). Nothing was changed; install the newer SmartPOS again.</source>
        <translation>%1 由更新版本的 SmartPOS 写入（结构版本 %2，本版本只支持到 %3）。未做任何更改；请重新安装较新版本的 SmartPOS。</translation>
    </message>
    <message>
        <source>%1 has schema %2 and needs an upgrade to %3: start SmartPOS once (it backs the file up first), then try again.</source>
        <translation>%1 的结构版本为 %2，需要升级到 %3：请先启动一次 SmartPOS（会先备份该文件），然后再试。</translation>
    </message>
    <message>
        <source>Cannot back up %1 before upgrading it: %2</source>
        <translation>升级前无法备份 %1：%2</translation>
    </message>
    <message>
        <source>%1-wal does not belong to %1 (its pages are %2 bytes, the file&apos;s %3): one of them was copied or restored without the other. Nothing was changed. Stop SmartPOS; if %1 is the copy to keep (a restored backup), move %1-wal and %1-shm to another folder, else restore all three from one backup.</source>
        <translation>%1-wal 不属于 %1（其页大小为 %2 字节，而文件为 %3 字节）：其中一个被单独复制或恢复过。未做任何更改。请停止 SmartPOS；如果要保留的是 %1（恢复的备份），请把 %1-wal 和 %1-shm 移到其他文件夹，否则请从同一份备份恢复这三个文件。</translation>
    </message>
    <message>
        <source>no details</source>
        <translation>无详细信息</translation>
    </message>
    <message>
        <source>%1 was changed by another program while SmartPOS was reading it. Nothing was saved; try again.</source>
        <translation>%1 在 SmartPOS 读取时被其他程序修改。未保存任何内容；请重试。</translation>
    </message>
    <message>
        <source>%1 was moved, renamed or replaced while SmartPOS had it open. Nothing was saved. Close SmartPOS and start it again; move or restore data files only while SmartPOS is closed.</source>
        <translation>%1 在 SmartPOS 打开期间被移动、重命名或替换。未保存任何内容。请关闭 SmartPOS 后重新启动；只在 SmartPOS 关闭时移动或恢复数据文件。</translation>
    </message>
    <message>
        <source>%1 is damaged or is not a SmartPOS database; it was left untouched. A likely cause is that %1-wal beside it belongs to another copy (a backup restored over %1 alone, or a file from another till). Stop SmartPOS, move %1-wal and %1-shm to another folder (keep them) and start again; if it is still refused, restore %1 from a backup or call support.</source>
        <translation>%1 已损坏或不是 SmartPOS 数据库；文件未被改动。可能的原因是旁边的 %1-wal 属于另一个副本（只把备份恢复到了 %1，或来自另一台收银机的文件）。请停止 SmartPOS，把 %1-wal 和 %1-shm 移到其他文件夹（保留它们）后重新启动；若仍被拒绝，请从备份恢复 %1 或联系技术支持。</translation>
    </message>
    <message>
        <source>%1 is locked by another program (a database viewer, a backup or copy tool, another SmartPOS) and stayed locked for more than %2 seconds. Close that program and try again.</source>
        <translation>%1 被其他程序（数据库查看器、备份或复制工具、另一个 SmartPOS）锁定，超过 %2 秒仍未释放。请关闭该程序后重试。</translation>
    </message>
    <message>
        <source>%1 is in use by another task of SmartPOS. Nothing was saved; try again, and restart SmartPOS if this keeps happening.</source>
        <translation>%1 正被 SmartPOS 的另一项任务使用。未保存任何内容；请重试，如果反复出现请重启 SmartPOS。</translation>
    </message>
    <message>
        <source>Database error on %1: %2. Try again; if it keeps happening, call support with this message.</source>
        <translation>%1 数据库错误：%2。请重试；如果反复出现，请带上此消息联系技术支持。</translation>
    </message>
</context>
<context>
    <name>smartpos::DeviceController</name>
    <message>
        <source>Scanner</source>
        <translation>扫码枪</translation>
    </message>
    <message>
        <source>not used: %1</source>
        <translation>未启用：%1</translation>
    </message>
    <message>
        <source>Customer display</source>
        <translation>客显屏</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Hold the code up to the camera. F4 closes this view.</source>
        <translation>请将条码或二维码对准摄像头。按 F4 关闭此画面。</translation>
    </message>
    <message>
        <source>%1. Plug the camera in and press F4 again, or use the scanner.</source>
        <translation>%1。请接好摄像头后再按 F4，或改用扫码枪。</translation>
    </message>
    <message>
        <source>Promotions not applied</source>
        <translation>促销未生效</translation>
    </message>
    <message>
        <source>Members and coupons</source>
        <translation>会员与优惠券</translation>
    </message>
</context>
<context>
    <name>smartpos::KeyFolder</name>
    <message>
        <source>The key folder %1 is a file, not a folder.</source>
        <translation>密钥文件夹 %1 是一个文件，而不是文件夹。</translation>
    </message>
    <message>
        <source>Cannot create the key folder %1. Check that its parent is writable, or choose another with --key-dir.</source>
        <translation>无法创建密钥文件夹 %1。请检查其上级文件夹是否可写，或用 --key-dir 指定其他文件夹。</translation>
    </message>
    <message>
        <source>Cannot read the terminal key %1: %2</source>
        <translation>无法读取终端密钥 %1：%2</translation>
    </message>
    <message>
        <source>The terminal key %1 is damaged. Restore it from the backup of this terminal&apos;s key folder.</source>
        <translation>终端密钥 %1 已损坏。请从本终端密钥文件夹的备份中恢复。</translation>
    </message>
    <message>
        <source>The system could not provide random bytes for a key.</source>
        <translation>系统无法为密钥提供随机数。</translation>
    </message>
    <message>
        <source>The anchor %1 is damaged or was not written with this terminal&apos;s key.</source>
        <translation>锚点 %1 已损坏，或不是用本终端的密钥写入的。</translation>
    </message>
    <message>
        <source>Cannot write the anchor in %1: %2</source>
        <translation>无法在 %1 中写入锚点：%2</translation>
    </message>
    <message>
        <source>Cannot write the anchor in %1.</source>
        <translation>无法在 %1 中写入锚点。</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>无法创建 %1。</translation>
    </message>
    <message>
        <source>Cannot move %1 to %2.</source>
        <translation>无法将 %1 移动到 %2。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>smartpos::Ledger</name>
    <message>
        <source>A sale needs at least one line.</source>
        <translation>一笔交易至少需要一件商品。</translation>
    </message>
    <message>
        <source>entry %1 is missing</source>
        <translation>缺少第 %1 条记录</translation>
    </message>
    <message>
        <source>the entry was moved from position %1</source>
        <translation>该记录已从第 %1 位被移动</translation>
    </message>
    <message>
        <source>its payload is not a sale record of version %1</source>
        <translation>其内容不是版本 %1 的销售记录</translation>
    </message>
    <message>
        <source>it names another terminal</source>
        <translation>它属于另一台终端</translation>
    </message>
    <message>
        <source>its sale row is missing</source>
        <translation>其销售记录行缺失</translation>
    </message>
    <message>
        <source>its sale row was changed</source>
        <translation>其销售记录行被修改</translation>
    </message>
    <message>
        <source>line %1 is missing</source>
        <translation>第 %1 行缺失</translation>
    </message>
    <message>
        <source>line %1 was changed</source>
        <translation>第 %1 行被修改</translation>
    </message>
    <message>
        <source>it has a line it did not record</source>
        <translation>含有未记录的商品行</translation>
    </message>
    <message>
        <source>adjustment %1 is missing</source>
        <translation>调整项 %1 缺失</translation>
    </message>
    <message>
        <source>adjustment %1 was changed</source>
        <translation>调整项 %1 被修改</translation>
    </message>
    <message>
        <source>it has an adjustment it did not record</source>
        <translation>含有未记录的调整项</translation>
    </message>
    <message>
        <source>tender %1 is missing</source>
        <translation>支付项 %1 缺失</translation>
    </message>
    <message>
        <source>tender %1 was changed</source>
        <translation>支付项 %1 被修改</translation>
    </message>
    <message>
        <source>it has a tender it did not record</source>
        <translation>含有未记录的支付项</translation>
    </message>
    <message>
        <source>its lines, adjustments and tenders do not add up to its total</source>
        <translation>其商品行、调整项和支付项与总额不符</translation>
    </message>
    <message>
        <source>its payload is not a no-sale record of version %1</source>
        <translation>其内容不是版本 %1 的无交易开钱箱记录</translation>
    </message>
    <message>
        <source>There is no terminal key in %1, so the journal cannot be checked. Give the key folder with --key-dir.</source>
        <translation>%1 中没有终端密钥，无法校验流水。请用 --key-dir 指定密钥文件夹。</translation>
    </message>
    <message>
        <source>The terminal key for %1 is missing from %2. Restore the key folder from this terminal&apos;s backup; SmartPOS will not start a ledger it cannot check.</source>
        <translation>%2 中缺少 %1 的终端密钥。请从本终端的备份中恢复密钥文件夹；SmartPOS 不会启用无法校验的账本。</translation>
    </message>
    <message>
        <source>%1 is missing, but this terminal had recorded %2 journal entries (its anchor in %3). Restore the ledger from a backup. To start over without it, an operator runs: smartpos-admin ledger start-over --reason TEXT (it is audited).</source>
        <translation>%1 缺失，但本终端已记录 %2 条流水（锚点在 %3）。请从备份恢复账本。如需不带它重新开始，请由管理员运行：smartpos-admin ledger start-over --reason 原因（此操作会被审计）。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>The tables of %1 are damaged (a statement cannot be prepared). Restore it from a backup.</source>
        <translation>%1 的数据表已损坏（无法准备语句）。请从备份恢复。</translation>
    </message>
    <message>
        <source>The anchor of this terminal is missing from %1. Restore the key folder from this terminal&apos;s backup.</source>
        <translation>%1 中缺少本终端的锚点。请从本终端的备份中恢复密钥文件夹。</translation>
    </message>
    <message>
        <source>Entry %1 of %2 is not the one this terminal recorded (its anchor): the journal was rewritten. Restore the newest backup.</source>
        <translation>%2 的第 %1 条流水与本终端记录的不同（锚点）：流水被改写。请恢复最新的备份。</translation>
    </message>
    <message>
        <source>The last entry of %1 was not sealed with this terminal&apos;s key (%2): the ledger or the key folder belongs to another terminal, or the journal was forged.</source>
        <translation>%1 的最后一条流水不是用本终端的密钥封存的（%2）：账本或密钥文件夹属于另一台终端，或流水被伪造。</translation>
    </message>
    <message>
        <source>The journal of %1 is broken at entry %2, so it cannot be upgraded. Nothing was changed; restore it from a backup or call support.</source>
        <translation>%1 的流水在第 %2 条处损坏，无法升级。未做任何更改；请从备份恢复或联系技术支持。</translation>
    </message>
    <message>
        <source>The ledger was opened only to be read.</source>
        <translation>账本以只读方式打开。</translation>
    </message>
    <message>
        <source>The tenders do not pay the total ¥%1 exactly.</source>
        <translation>支付金额与应付总额 ¥%1 不符。</translation>
    </message>
    <message>
        <source>the file is damaged (%1)</source>
        <translation>文件已损坏（%1）</translation>
    </message>
    <message>
        <source>the append-only guard %1 of the ledger was removed</source>
        <translation>账本的只追加保护 %1 被删除</translation>
    </message>
    <message>
        <source>the anchor of this terminal is missing</source>
        <translation>本终端的锚点缺失</translation>
    </message>
    <message>
        <source>its MAC does not match: the entry, or one before it, was changed or forged</source>
        <translation>MAC 不匹配：该条流水或之前的流水被修改或伪造</translation>
    </message>
    <message>
        <source>its kind “%1” (version %2) is unknown to this SmartPOS</source>
        <translation>本版本 SmartPOS 不认识其类型“%1”（版本 %2）</translation>
    </message>
    <message>
        <source>it has %1 rows but is not a %1 entry</source>
        <translation>含有 %1 记录行，但不是 %1 类型的流水</translation>
    </message>
    <message>
        <source>the outbox has an event no entry made</source>
        <translation>待同步队列中有一个不属于任何流水的事件</translation>
    </message>
    <message>
        <source>its outbox event is missing</source>
        <translation>其待同步事件缺失</translation>
    </message>
    <message>
        <source>its print job was changed</source>
        <translation>其打印任务被修改</translation>
    </message>
    <message>
        <source>a print job points at no entry</source>
        <translation>有打印任务不属于任何流水</translation>
    </message>
    <message>
        <source>its print job is missing</source>
        <translation>其打印任务缺失</translation>
    </message>
    <message>
        <source>it is not the entry this terminal recorded (its anchor)</source>
        <translation>与本终端记录的流水不同（锚点）</translation>
    </message>
    <message>
        <source>its %1 rows have no journal entry</source>
        <translation>其 %1 记录行没有对应的流水</translation>
    </message>
    <message>
        <source>entries %1 to %2 are missing: this terminal recorded them (its anchor)</source>
        <translation>第 %1 至 %2 条流水缺失：本终端曾记录过它们（锚点）</translation>
    </message>
    <message>
        <source>The tables of %1 are damaged (%2). Restore it from a backup.</source>
        <translation>%1 的数据表已损坏（%2）。请从备份恢复。</translation>
    </message>
    <message>
        <source>%1 ends at entry %2, but this terminal had recorded %3 (its anchor): the ledger was truncated or replaced by an older copy. Restore the newest backup; SmartPOS will not sell on a ledger that lost entries. If this is the newest there is, an operator accepts the loss with: smartpos-admin ledger accept-restore --reason TEXT (it is audited).</source>
        <translation>%1 只到第 %2 条，但本终端已记录到第 %3 条（锚点）：账本被截断或被旧副本替换。请恢复最新的备份；SmartPOS 不会在丢失流水的账本上继续销售。如果这已是最新的备份，请由管理员运行以下命令确认损失：smartpos-admin ledger accept-restore --reason 原因（此操作会被审计）。</translation>
    </message>
    <message>
        <source> If %1 was restored or copied, the %1-wal beside it may belong to another copy: stop SmartPOS, move %1-wal and %1-shm to another folder (keep them) and start again.</source>
        <translation>如果 %1 是恢复或复制来的，旁边的 %1-wal 可能属于另一个副本：请停止 SmartPOS，把 %1-wal 和 %1-shm 移到其他文件夹（保留它们）后重新启动。</translation>
    </message>
    <message>
        <source>it has a member it did not record</source>
        <translation>含有未记录的会员</translation>
    </message>
    <message>
        <source>its member row is missing</source>
        <translation>其会员记录行缺失</translation>
    </message>
    <message>
        <source>its member row (points) was changed</source>
        <translation>其会员记录行（积分）被修改</translation>
    </message>
    <message>
        <source>handed-out coupon %1 is missing</source>
        <translation>发放的优惠券 %1 缺失</translation>
    </message>
    <message>
        <source>written-off coupon %1 is missing</source>
        <translation>核销的优惠券 %1 缺失</translation>
    </message>
    <message>
        <source>handed-out coupon %1 was changed</source>
        <translation>发放的优惠券 %1 被修改</translation>
    </message>
    <message>
        <source>written-off coupon %1 was changed</source>
        <translation>核销的优惠券 %1 被修改</translation>
    </message>
    <message>
        <source>it has a coupon it did not record</source>
        <translation>含有未记录的优惠券</translation>
    </message>
    <message>
        <source>its payload is not a member sign-up of version %1</source>
        <translation>其内容不是版本 %1 的会员注册记录</translation>
    </message>
    <message>
        <source>its member row was changed</source>
        <translation>其会员记录行被修改</translation>
    </message>
    <message>
        <source>This phone number signed up at this till before (member %1).</source>
        <translation>该手机号之前已在本收银机注册过（会员 %1）。</translation>
    </message>
    <message>
        <source>The ledger is not open.</source>
        <translation>账本未打开。</translation>
    </message>
</context>
<context>
    <name>smartpos::MemberStore</name>
    <message>
        <source>points %1 is above %2, more than any member holds: a wrong column?</source>
        <translation>积分 %1 超过 %2，多于任何会员可能持有的积分：是否填错了列？</translation>
    </message>
    <message>
        <source>points &quot;%1&quot; is not a whole number ≥ 0</source>
        <translation>积分“%1”不是 ≥ 0 的整数</translation>
    </message>
    <message>
        <source>consent_utc &quot;%1&quot; is not a UTC time such as 2025-03-01T08:00:00Z</source>
        <translation>consent_utc“%1”不是 UTC 时间，如 2025-03-01T08:00:00Z</translation>
    </message>
    <message>
        <source>expected 7 fields, found %1</source>
        <translation>应有 7 个字段，实际为 %1 个</translation>
    </message>
    <message>
        <source>member_id &quot;%1&quot; is not 1 to 32 letters, digits, &apos;-&apos; or &apos;_&apos;</source>
        <translation>member_id“%1”不是 1 到 32 个字母、数字、“-”或“_”</translation>
    </message>
    <message>
        <source>phone &quot;%1&quot; is not a mainland mobile number (11 digits starting with 1, optionally +86)</source>
        <translation>手机号“%1”不是大陆手机号（以 1 开头的 11 位数字，可带 +86）</translation>
    </message>
    <message>
        <source>tier &quot;%1&quot; is not one of %2</source>
        <translation>等级“%1”不在 %2 之中</translation>
    </message>
    <message>
        <source>birthday &quot;%1&quot; is not a day of the year as MM-DD (03-15)</source>
        <translation>生日“%1”不是 MM-DD 格式的日期（如 03-15）</translation>
    </message>
    <message>
        <source>member %1 appears twice in the file</source>
        <translation>会员 %1 在文件中重复出现</translation>
    </message>
    <message>
        <source>phone %1 appears twice in the file</source>
        <translation>手机号 %1 在文件中重复出现</translation>
    </message>
    <message>
        <source>The tables of %1 are damaged. Import the members again into a new data folder, or restore the file from a backup.</source>
        <translation>%1 的数据表已损坏。请将会员重新导入到新的数据文件夹，或从备份恢复该文件。</translation>
    </message>
    <message>
        <source>phone %1 belongs to member %2, which keeps it: give %2 another phone first</source>
        <translation>手机号 %1 属于会员 %2，且该会员仍在使用：请先给 %2 换一个手机号</translation>
    </message>
</context>
<context>
    <name>smartpos::MemberTexts</name>
    <message>
        <source>Silver</source>
        <comment>member tier (银卡)</comment>
        <translation>银卡</translation>
    </message>
    <message>
        <source>Gold</source>
        <comment>member tier (金卡)</comment>
        <translation>金卡</translation>
    </message>
    <message>
        <source>Platinum</source>
        <comment>member tier (白金卡)</comment>
        <translation>白金卡</translation>
    </message>
    <message>
        <source>I agree to the member terms and privacy policy</source>
        <translation>我已阅读并同意会员条款及隐私政策</translation>
    </message>
    <message numerus="yes">
        <source>%Ln point(s)</source>
        <translation>
            <numerusform>%Ln 积分</numerusform>
        </translation>
    </message>
    <message>
        <source>¥%1 off coupon</source>
        <comment>代金券: ¥%1 代金券</comment>
        <translation>¥%1 代金券</translation>
    </message>
    <message>
        <source>%1% off coupon</source>
        <comment>折扣券; %1 = percent off, %2 = the 折 (9 for 10% off): translate as %2折券</comment>
        <translation>%2折券</translation>
    </message>
    <message>
        <source>Spend ¥%1, get ¥%2 off</source>
        <comment>满减券: 满%1减%2</comment>
        <translation>满¥%1减¥%2</translation>
    </message>
    <message>
        <source>Free item: %1 × %2</source>
        <comment>提货券</comment>
        <translation>提货券：%1 × %2</translation>
    </message>
    <message>
        <source>Free item: %1</source>
        <comment>提货券</comment>
        <translation>提货券：%1</translation>
    </message>
    <message>
        <source>over ¥%1</source>
        <comment>满%1可用</comment>
        <translation>满¥%1可用</translation>
    </message>
    <message>
        <source>not with these promotions</source>
        <translation>不与当前促销同享</translation>
    </message>
    <message>
        <source>cannot be used</source>
        <translation>无法使用</translation>
    </message>
    <message>
        <source>not valid yet</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>needs its member</source>
        <translation>需先识别所属会员</translation>
    </message>
    <message>
        <source>for another member</source>
        <translation>属于其他会员</translation>
    </message>
    <message>
        <source>add the product to use it</source>
        <translation>加入该商品后可用</translation>
    </message>
    <message>
        <source>not for these products</source>
        <translation>不适用于当前商品</translation>
    </message>
    <message>
        <source>spend ¥%1 more</source>
        <translation>再买 ¥%1 可用</translation>
    </message>
    <message>
        <source>spend more to use it</source>
        <translation>未达使用门槛</translation>
    </message>
</context>
<context>
    <name>smartpos::Outbox</name>
    <message>
        <source>The outbox of %1 is damaged. Restore the ledger from a backup.</source>
        <translation>%1 的待同步队列已损坏。请从备份恢复账本。</translation>
    </message>
</context>
<context>
    <name>smartpos::PrintQueue</name>
    <message>
        <source>The print queue of %1 is damaged. Restore the ledger from a backup.</source>
        <translation>%1 的打印队列已损坏。请从备份恢复账本。</translation>
    </message>
    <message>
        <source>There is no journal entry %1 to reprint.</source>
        <translation>没有第 %1 条流水可供重打。</translation>
    </message>
</context>
<context>
    <name>smartpos::PrintSpooler</name>
    <message numerus="yes">
        <source>Printer not reachable (%1): sales are saved, %n receipt(s) waiting.</source>
        <translation>
            <numerusform>打印机无法连接（%1）：销售已保存，%n 张小票等待打印。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Printer out of paper: sales are saved, %n receipt(s) waiting. Load paper.</source>
        <translation>
            <numerusform>打印机缺纸：销售已保存，%n 张小票等待打印。请装纸。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Printer cover open: sales are saved, %n receipt(s) waiting. Close the cover.</source>
        <translation>
            <numerusform>打印机盖未关：销售已保存，%n 张小票等待打印。请关好盖子。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Printer offline or in error: sales are saved, %n receipt(s) waiting. Check the printer.</source>
        <translation>
            <numerusform>打印机离线或出错：销售已保存，%n 张小票等待打印。请检查打印机。</numerusform>
        </translation>
    </message>
    <message>
        <source>Print job %1 is of a kind this version cannot print (%2).</source>
        <translation>打印任务 %1 的类型此版本无法打印（%2）。</translation>
    </message>
    <message>
        <source>The sale of print job %1 cannot be read from the ledger: run smartpos-admin ledger verify.</source>
        <translation>无法从账本读取打印任务 %1 的销售：请运行 smartpos-admin ledger verify。</translation>
    </message>
    <message numerus="yes">
        <source>Receipt not printed (%1): the sale is saved, %n receipt(s) waiting.</source>
        <translation>
            <numerusform>小票未打印（%1）：销售已保存，%n 张小票等待打印。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>smartpos::PrinterLink</name>
    <message>
        <source>%1 is gone: was the printer unplugged?</source>
        <translation>%1 不见了：打印机被拔掉了吗？</translation>
    </message>
    <message>
        <source>Cannot open %1: the folder %2 does not exist</source>
        <translation>无法打开 %1：文件夹 %2 不存在</translation>
    </message>
    <message>
        <source>%1 does not exist: is the printer plugged in and switched on?</source>
        <translation>%1 不存在：打印机插好并开机了吗？</translation>
    </message>
    <message>
        <source>%1 is a folder, not a printer</source>
        <translation>%1 是文件夹，不是打印机</translation>
    </message>
    <message>
        <source>Permission denied on %1: add the user to the lp group, see docs/hardware.md</source>
        <translation>%1 权限被拒绝：请把用户加入 lp 组，见 docs/hardware.md</translation>
    </message>
    <message>
        <source>No printer answers at %1: is it plugged in and switched on?</source>
        <translation>%1 处没有打印机应答：打印机插好并开机了吗？</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>The printer at %1 stopped answering: was it unplugged or switched off?</source>
        <translation>%1 处的打印机停止应答：被拔掉或关机了吗？</translation>
    </message>
    <message>
        <source>Cannot write to %1: the disk is full</source>
        <translation>无法写入 %1：磁盘已满</translation>
    </message>
    <message>
        <source>Cannot write to %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The printer at %1 stopped taking data: is it out of paper, is its cover open or is it switched off?</source>
        <translation>%1 处的打印机不再接收数据：是缺纸、盖子没关还是关机了？</translation>
    </message>
    <message>
        <source>The connection to the printer at %1 was closed</source>
        <translation>与 %1 处打印机的连接已关闭</translation>
    </message>
    <message>
        <source>The printer at %1 is still busy with the previous job</source>
        <translation>%1 处的打印机仍在处理上一个任务</translation>
    </message>
    <message>
        <source>The connection to the printer at %1 is closed</source>
        <translation>与 %1 处打印机的连接已关闭</translation>
    </message>
    <message>
        <source>In “%1” the USB vendor and product ids must be two hex numbers like usb://0416:5011</source>
        <translation>“%1”中的 USB 厂商和产品编号必须是两个十六进制数，例如 usb://0416:5011</translation>
    </message>
    <message>
        <source>In “%1” the serial number contains “/”: write it as %2</source>
        <translation>“%1”中的序列号含有“/”：请写成 %2</translation>
    </message>
    <message>
        <source>In “%1” the printer&apos;s host name or address is missing</source>
        <translation>“%1”中缺少打印机的主机名或地址</translation>
    </message>
    <message>
        <source>“%1” is not a network printer address: write tcp://HOST:9100</source>
        <translation>“%1”不是网络打印机地址：请写成 tcp://主机:9100</translation>
    </message>
    <message>
        <source>In “%1” the port must be a number from 1 to 65535</source>
        <translation>“%1”中的端口必须是 1 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>In “%1” the baud rate must be a whole number like baud=115200</source>
        <translation>“%1”中的波特率必须是整数，例如 baud=115200</translation>
    </message>
    <message>
        <source>In “%1” flow must be rtscts, xonxoff or none</source>
        <translation>“%1”中的 flow 必须是 rtscts、xonxoff 或 none</translation>
    </message>
    <message>
        <source>In “%1” “%2” is not a serial port option (baud and flow are)</source>
        <translation>“%1”中的“%2”不是串口选项（可用 baud 和 flow）</translation>
    </message>
    <message>
        <source>In “%1” the device path must follow three slashes, like %2</source>
        <translation>“%1”中的设备路径必须跟在三个斜杠之后，例如 %2</translation>
    </message>
    <message>
        <source>“%1”: a file printer takes no options</source>
        <translation>“%1”：文件打印机不接受选项</translation>
    </message>
    <message>
        <source>“%1” is not a printer address: write usb://VID:PID, serial:///dev/ttyUSB0, tcp://HOST:9100 or file:///dev/usb/lp0</source>
        <translation>“%1”不是打印机地址：请写成 usb://VID:PID、serial:///dev/ttyUSB0、tcp://主机:9100 或 file:///dev/usb/lp0</translation>
    </message>
    <message>
        <source>The printer at %1 does not answer</source>
        <translation>%1 处的打印机没有应答</translation>
    </message>
    <message>
        <source>The printer at %1 refuses the connection: is the address right, or is another computer using it?</source>
        <translation>%1 处的打印机拒绝连接：地址正确吗？还是另一台电脑在使用它？</translation>
    </message>
    <message>
        <source>The printer&apos;s address %1 is not known: check the host name</source>
        <translation>打印机地址 %1 无法识别：请检查主机名</translation>
    </message>
    <message>
        <source>The printer at %1 closed the connection</source>
        <translation>%1 处的打印机关闭了连接</translation>
    </message>
    <message>
        <source>The printer at %1 was disconnected</source>
        <translation>%1 处的打印机已断开</translation>
    </message>
    <message>
        <source>There is no serial port %1: is the printer&apos;s cable plugged in?</source>
        <translation>没有串口 %1：打印机的线插好了吗？</translation>
    </message>
    <message>
        <source>Cannot open %1: another program is using it, or this user may not (add the user to the dialout group, see docs/hardware.md)</source>
        <translation>无法打开 %1：另一个程序正在使用它，或此用户无权使用（把用户加入 dialout 组，见 docs/hardware.md）</translation>
    </message>
    <message>
        <source>Cannot open the serial port %1: %2</source>
        <translation>无法打开串口 %1：%2</translation>
    </message>
    <message>
        <source>USB is not available on this computer: %1</source>
        <translation>此电脑无法使用 USB：%1</translation>
    </message>
    <message>
        <source>The USB printer %1 was unplugged or switched off</source>
        <translation>USB 打印机 %1 被拔掉或关机了</translation>
    </message>
    <message>
        <source>No USB printer %1 is connected</source>
        <translation>没有连接 USB 打印机 %1</translation>
    </message>
    <message>
        <source>Permission denied on the USB printer %1: install resources/udev/60-smartpos.rules, see docs/hardware.md</source>
        <translation>USB 打印机 %1 权限被拒绝：请安装 resources/udev/60-smartpos.rules，见 docs/hardware.md</translation>
    </message>
    <message>
        <source>The USB printer %1 is in use by another program</source>
        <translation>USB 打印机 %1 正被另一个程序使用</translation>
    </message>
    <message>
        <source>The USB printer %1 does not answer</source>
        <translation>USB 打印机 %1 没有应答</translation>
    </message>
    <message>
        <source>The USB device %1 is not a printer SmartPOS can use</source>
        <translation>USB 设备 %1 不是 SmartPOS 能使用的打印机</translation>
    </message>
    <message>
        <source>The USB printer %1 failed: %2</source>
        <translation>USB 打印机 %1 出错：%2</translation>
    </message>
    <message>
        <source>Cannot list the USB devices: %1</source>
        <translation>无法列出 USB 设备：%1</translation>
    </message>
    <message>
        <source>“%1” is not a serial port address: write serial:///dev/ttyUSB0</source>
        <translation>“%1”不是串口地址：请写成 serial:///dev/ttyUSB0</translation>
    </message>
</context>
<context>
    <name>smartpos::Promotions</name>
    <message>
        <source>&quot;%1&quot; is not a field of a %2 promotion</source>
        <translation>“%1”不是 %2 类促销的字段</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot;</source>
        <translation>未知字段“%1”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing</source>
        <translation>缺少“%1”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be text that is not empty</source>
        <translation>“%1”必须是非空文本</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false</source>
        <translation>“%1”必须是 true 或 false</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number</source>
        <translation>“%1”必须是整数</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be %2 to %3, not %4</source>
        <translation>“%1”必须在 %2 到 %3 之间，而不是 %4</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a list of text with at least one entry</source>
        <translation>“%1”必须是至少含一项的文本列表</translation>
    </message>
    <message>
        <source>&quot;%1&quot; names &quot;%2&quot; twice</source>
        <translation>“%1”中“%2”出现了两次</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be an amount in yuan with at most two decimals, such as &quot;12.50&quot;</source>
        <translation>“%1”必须是以元为单位、最多两位小数的金额，如“12.50”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is negative (¥%2)</source>
        <translation>“%1”为负数（¥%2）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be more than ¥0</source>
        <translation>“%1”必须大于 ¥0</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is above ¥%2, the most any amount may be</source>
        <translation>“%1”超过 ¥%2，即任何金额的上限</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a number of percent, such as 10 for 10 % off</source>
        <translation>“%1”必须是百分数，如 10 表示减 10%</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is %2 %, more than 100 %</source>
        <translation>“%1”为 %2%，超过了 100%</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be more than 0 %</source>
        <translation>“%1”必须大于 0%</translation>
    </message>
    <message>
        <source>&quot;%1&quot; may have at most two decimals</source>
        <translation>“%1”最多只能有两位小数</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a time of day such as &quot;15:00&quot; (00:00 to 24:00)</source>
        <translation>“%1”必须是一天中的时间，如“15:00”（00:00 至 24:00）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a date such as &quot;2026-12-31&quot;</source>
        <translation>“%1”必须是日期，如“2026-12-31”</translation>
    </message>
    <message>
        <source>&quot;when&quot; must be an object with &quot;days&quot;, &quot;from&quot;, &quot;until&quot;, &quot;first_day&quot; and &quot;last_day&quot;, each optional</source>
        <translation>“when”必须是一个对象，可含“days”“from”“until”“first_day”和“last_day”，均可省略</translation>
    </message>
    <message>
        <source>&quot;days&quot;: &quot;%1&quot; is not one of %2</source>
        <translation>“days”：“%1”不在 %2 之中</translation>
    </message>
    <message>
        <source>&quot;from&quot; must be before &quot;until&quot;; a time range past midnight is two promotions</source>
        <translation>“from”必须早于“until”；跨越午夜的时段请拆成两个促销</translation>
    </message>
    <message>
        <source>&quot;first_day&quot; %1 is after &quot;last_day&quot; %2</source>
        <translation>“first_day” %1 晚于“last_day” %2</translation>
    </message>
    <message>
        <source>&quot;tiers&quot; must be a list of at least one {&quot;over&quot;: …, &quot;off&quot;: …}</source>
        <translation>“tiers”必须是至少含一项 {“over”: …, “off”: …} 的列表</translation>
    </message>
    <message>
        <source> tier %1</source>
        <translation> 第 %1 档</translation>
    </message>
    <message>
        <source>must be an object {&quot;over&quot;: …, &quot;off&quot;: …}</source>
        <translation>必须是对象 {“over”: …, “off”: …}</translation>
    </message>
    <message>
        <source>¥%1 off is more than the ¥%2 it needs</source>
        <translation>减 ¥%1 超过了门槛 ¥%2</translation>
    </message>
    <message>
        <source>&quot;over&quot; ¥%1 must be more than the tier before (¥%2)</source>
        <translation>“over” ¥%1 必须高于上一档（¥%2）</translation>
    </message>
    <message>
        <source>&quot;off&quot; ¥%1 must be more than the tier before (¥%2)</source>
        <translation>“off” ¥%1 必须高于上一档（¥%2）</translation>
    </message>
    <message>
        <source>&quot;prices&quot; must be an object of SKU and price, such as {&quot;DR0001&quot;: &quot;2.50&quot;}</source>
        <translation>“prices”必须是货号与价格组成的对象，如 {“DR0001”: “2.50”}</translation>
    </message>
    <message>
        <source>&quot;prices&quot; has an empty SKU</source>
        <translation>“prices”中有空货号</translation>
    </message>
    <message>
        <source>&quot;id&quot; must be 1 to 64 letters, digits, &apos;-&apos; or &apos;_&apos;</source>
        <translation>“id”必须是 1 到 64 个字母、数字、“-”或“_”</translation>
    </message>
    <message>
        <source>unknown kind &quot;%1&quot;; the kinds are %2</source>
        <translation>未知类型“%1”；可用类型为 %2</translation>
    </message>
    <message>
        <source>an exclusive promotion stacks with nothing: &quot;stacks_with&quot; contradicts &quot;exclusive&quot;</source>
        <translation>独享促销不与任何促销叠加：“stacks_with”与“exclusive”矛盾</translation>
    </message>
    <message>
        <source>&quot;coupon_campaigns&quot; must be a list</source>
        <translation>“coupon_campaigns”必须是列表</translation>
    </message>
    <message>
        <source>coupon campaign %1</source>
        <translation>优惠券活动 %1</translation>
    </message>
    <message>
        <source>must be an object {&quot;campaign&quot;: …, &quot;stacks_with_promotions&quot;: …}</source>
        <translation>必须是对象 {“campaign”: …, “stacks_with_promotions”: …}</translation>
    </message>
    <message>
        <source>campaign %1 is listed twice</source>
        <translation>活动 %1 出现了两次</translation>
    </message>
    <message>
        <source>not valid JSON: %1 at byte %2</source>
        <translation>不是有效的 JSON：第 %2 字节处%1</translation>
    </message>
    <message>
        <source>the promotions must be one JSON object with &quot;version&quot;: 1 and &quot;promotions&quot;: […]</source>
        <translation>促销文件必须是一个 JSON 对象，含 “version”: 1 和 “promotions”: […]</translation>
    </message>
    <message>
        <source>&quot;promotions&quot; must be a list</source>
        <translation>“promotions”必须是列表</translation>
    </message>
    <message>
        <source>promotion %1</source>
        <translation>促销 %1</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>promotion %1 has the same id</source>
        <translation>促销 %1 的 id 重复</translation>
    </message>
    <message>
        <source>&quot;tier_percent&quot; must be an object of tier and percent, such as {&quot;gold&quot;: 150}</source>
        <translation>“tier_percent”必须是由等级和百分比组成的对象，如 {&quot;gold&quot;: 150}</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a member tier; the tiers are %2</source>
        <translation>“%1”不是会员等级；可用的等级为 %2</translation>
    </message>
    <message>
        <source>&quot;loyalty&quot; must be an object with &quot;points_per_yuan&quot;, &quot;tier_percent&quot;, &quot;excluded_categories&quot;, &quot;birthday_percent&quot; and &quot;redeem&quot;, each optional</source>
        <translation>“loyalty”必须是对象，可含“points_per_yuan”“tier_percent”“excluded_categories”“birthday_percent”和“redeem”，均为可选</translation>
    </message>
    <message>
        <source>loyalty</source>
        <translation>会员积分规则</translation>
    </message>
    <message>
        <source>&quot;redeem&quot; must be an object with &quot;points_per_yuan&quot; and &quot;max_percent&quot;, each optional</source>
        <translation>“redeem”必须是对象，可含“points_per_yuan”和“max_percent”，均为可选</translation>
    </message>
</context>
<context>
    <name>smartpos::ReceiptCodes</name>
    <message>
        <source>This is not a SmartPOS receipt code, or it was not read whole.</source>
        <translation>这不是 SmartPOS 小票码，或没有读完整。</translation>
    </message>
    <message>
        <source>This receipt was printed by another till (%1).</source>
        <translation>这张小票是另一台收银机（%1）打印的。</translation>
    </message>
    <message>
        <source>This receipt code does not check: it was altered or forged.</source>
        <translation>此小票码校验不通过：已被篡改或伪造。</translation>
    </message>
</context>
<context>
    <name>smartpos::SaleSession</name>
    <message>
        <source>Scan ignored: finish the payment or go back to the cart first.</source>
        <translation>扫描已忽略：请先完成收款，或返回购物车。</translation>
    </message>
    <message>
        <source>The sale is being paid: go back to the cart to change it.</source>
        <translation>正在收款：如需修改，请先返回购物车。</translation>
    </message>
    <message>
        <source>This product is no longer in the catalog.</source>
        <translation>该商品已不在商品库中。</translation>
    </message>
    <message>
        <source>%1 is sold by weight: weigh it and scan the scale label.</source>
        <translation>%1 是称重商品：请先称重，再扫描电子秤标签。</translation>
    </message>
    <message>
        <source>Quantity must be between 1 and %1.</source>
        <translation>数量必须在 1 到 %1 之间。</translation>
    </message>
    <message>
        <source>Select a line first.</source>
        <translation>请先选择一行商品。</translation>
    </message>
    <message>
        <source>There is no sale to cancel.</source>
        <translation>没有可取消的交易。</translation>
    </message>
    <message>
        <source>Scan a product first.</source>
        <translation>请先扫描商品。</translation>
    </message>
    <message>
        <source>The cart is empty.</source>
        <translation>购物车为空。</translation>
    </message>
    <message>
        <source>Open the payment first.</source>
        <translation>请先打开收款。</translation>
    </message>
    <message>
        <source>¥%1 is less than the total ¥%2.</source>
        <translation>实收 ¥%1 少于应收 ¥%2。</translation>
    </message>
    <message>
        <source>The sale was NOT saved. %1 The cart is kept: press Pay again when fixed.</source>
        <translation>交易未保存。%1 购物车已保留，问题解决后请再次收款。</translation>
    </message>
    <message>
        <source>A sale is in progress: finish or cancel it before opening the drawer.</source>
        <translation>有交易正在进行：请先完成或取消交易，再打开钱箱。</translation>
    </message>
    <message>
        <source>The drawer was NOT opened: %1</source>
        <translation>钱箱未打开：%1</translation>
    </message>
    <message>
        <source>Not added: its price is above ¥%1, the most one product may cost. Check the price in the catalog (or the limit, unit_price in smartpos.ini).</source>
        <translation>未加入：其价格超过 ¥%1，即单个商品的最高价格。请检查商品目录中的价格（或 smartpos.ini 中的上限 unit_price）。</translation>
    </message>
    <message>
        <source>Not changed: the line would cost more than ¥%1, the most one line may cost (line in smartpos.ini).</source>
        <translation>未更改：该行金额将超过 ¥%1，即单行最高金额（smartpos.ini 中的 line）。</translation>
    </message>
    <message>
        <source>Not changed: the sale would cost more than ¥%1, the most one sale may cost (sale in smartpos.ini). Pay this sale, then ring up the rest as a new one.</source>
        <translation>未更改：本单金额将超过 ¥%1，即单笔销售最高金额（smartpos.ini 中的 sale）。请先结算本单，再把其余商品作为新的一单。</translation>
    </message>
    <message>
        <source>This item cannot be added to the sale.</source>
        <translation>此商品无法加入本单。</translation>
    </message>
    <message>
        <source>An item with a scale label keeps what its label says.</source>
        <translation>贴有秤签的商品以秤签为准，不能修改。</translation>
    </message>
    <message>
        <source>¥%1 is more cash than one sale takes (at most ¥%2): check the amount typed.</source>
        <translation>¥%1 超过单笔销售可收的现金（最多 ¥%2）：请检查输入的金额。</translation>
    </message>
    <message>
        <source>Change would be ¥%1. Did the customer really hand over ¥%2? Press Enter again to confirm, or correct the amount.</source>
        <translation>应找零 ¥%1。顾客真的付了 ¥%2 吗？再按一次 Enter 确认，或更正金额。</translation>
    </message>
    <message>
        <source>This till cannot check member codes: it has no member list or no member code secret (codes/member-secret). Look the member up by phone (F6).</source>
        <translation>本收银机无法校验会员码：没有会员名单或会员码密钥（codes/member-secret）。请按手机号查找会员（F6）。</translation>
    </message>
    <message>
        <source>Please refresh your member code and show it again.</source>
        <translation>请刷新会员码后再出示。</translation>
    </message>
    <message>
        <source>This member code was already used for a sale (a screenshot?). Ask the customer to refresh the code in their app.</source>
        <translation>该会员码已在之前的交易中用过（是截图吗？）。请顾客在 App 中刷新会员码。</translation>
    </message>
    <message>
        <source>This member code has expired (a screenshot?). Ask the customer for the live code in their app.</source>
        <translation>该会员码已过期（是截图吗？）。请顾客出示 App 中的实时会员码。</translation>
    </message>
    <message>
        <source>This member code is from the future: the phone&apos;s clock is ahead of the till&apos;s. Look the member up by phone (F6).</source>
        <translation>该会员码的时间晚于当前时间：手机时钟比收银机快。请按手机号查找会员（F6）。</translation>
    </message>
    <message>
        <source>This member code is not genuine: it was altered or not made by the chain&apos;s app. Look the member up by phone (F6).</source>
        <translation>该会员码无效：已被篡改，或并非本连锁 App 生成。请按手机号查找会员（F6）。</translation>
    </message>
    <message>
        <source>This code cannot be used here. Please ask the cashier.</source>
        <translation>此码在这里无法使用，请咨询收银员。</translation>
    </message>
    <message>
        <source>This member code cannot be read: scan it again.</source>
        <translation>无法读取该会员码：请重新扫描。</translation>
    </message>
    <message>
        <source>Member %1 is not in this till&apos;s member list: look them up by phone (F6), or import the newest members.</source>
        <translation>会员 %1 不在本收银机的会员名单中：请按手机号查找（F6），或导入最新会员名单。</translation>
    </message>
    <message>
        <source>Please ask the cashier to look up your membership.</source>
        <translation>请让收银员帮您查询会员信息。</translation>
    </message>
    <message>
        <source>This till cannot check coupons: it has no coupon keys (codes/coupon-keys.pem). The coupon was not used.</source>
        <translation>本收银机无法校验优惠券：缺少券密钥（codes/coupon-keys.pem）。该券未被使用。</translation>
    </message>
    <message>
        <source>Coupon #%1 was already used (written off in an earlier sale).</source>
        <translation>优惠券 #%1 已被使用（已在之前的交易中核销）。</translation>
    </message>
    <message>
        <source>This coupon has already been used.</source>
        <translation>此优惠券已被使用。</translation>
    </message>
    <message>
        <source>Coupon #%1 expired on %2.</source>
        <translation>优惠券 #%1 已于 %2 过期。</translation>
    </message>
    <message>
        <source>Sorry, this coupon has expired.</source>
        <translation>抱歉，此优惠券已过期。</translation>
    </message>
    <message>
        <source>Coupon #%1 can be used from %2.</source>
        <translation>优惠券 #%1 自 %2 起可用。</translation>
    </message>
    <message>
        <source>This coupon cannot be used yet.</source>
        <translation>此优惠券尚未到使用时间。</translation>
    </message>
    <message>
        <source>Coupon #%1 belongs to a member: scan their member code (or F6) first, then the coupon.</source>
        <translation>优惠券 #%1 属于会员：请先扫描其会员码（或按 F6），再扫券。</translation>
    </message>
    <message>
        <source>Coupon #%1 belongs to another member, not to this sale&apos;s.</source>
        <translation>优惠券 #%1 属于其他会员，不属于本单会员。</translation>
    </message>
    <message>
        <source>This coupon belongs to a member account: please show your member code first.</source>
        <translation>此优惠券属于会员账户：请先出示您的会员码。</translation>
    </message>
    <message>
        <source>This coupon was not issued by this chain (or with a key this till no longer trusts). It was not used.</source>
        <translation>此优惠券不是本连锁签发的（或所用密钥已不受本收银机信任）。该券未被使用。</translation>
    </message>
    <message>
        <source>This coupon is forged: its signature does not match. It was not used.</source>
        <translation>此优惠券是伪造的：签名不符。该券未被使用。</translation>
    </message>
    <message>
        <source>This coupon code cannot be read: scan it again.</source>
        <translation>无法读取该优惠券码：请重新扫描。</translation>
    </message>
    <message>
        <source>Coupon #%1 is already in this sale.</source>
        <translation>优惠券 #%1 已在本单中。</translation>
    </message>
    <message>
        <source>This sale is already for member %1. Remove that member first (Shift+F6) to change it.</source>
        <translation>本单已关联会员 %1。如需更换，请先移除该会员（Shift+F6）。</translation>
    </message>
    <message>
        <source>“%1” is not a mobile number: 11 digits, starting with 1.</source>
        <translation>“%1”不是手机号：手机号为 1 开头的 11 位数字。</translation>
    </message>
    <message>
        <source>This till has no member list.</source>
        <translation>本收银机没有会员名单。</translation>
    </message>
    <message>
        <source>No member has the phone number %1. The customer can join now.</source>
        <translation>没有手机号为 %1 的会员。顾客可以现在加入会员。</translation>
    </message>
    <message>
        <source>The customer must agree to the member terms before joining.</source>
        <translation>顾客须先同意会员条款才能加入会员。</translation>
    </message>
    <message>
        <source>The customer was NOT signed up: %1</source>
        <translation>顾客未能加入会员：%1</translation>
    </message>
    <message>
        <source>This sale has no member.</source>
        <translation>本单没有会员。</translation>
    </message>
    <message>
        <source>Identify the member first (F6 or their code).</source>
        <translation>请先识别会员（按 F6 或扫描会员码）。</translation>
    </message>
    <message>
        <source>This store has no points scheme.</source>
        <translation>本店没有积分规则。</translation>
    </message>
    <message>
        <source>No points can be used: %1 available, %2 points pay ¥1, at most %3% of the sale.</source>
        <translation>无法使用积分：现有 %1 积分，%2 积分抵 ¥1，最多抵本单金额的 %3%。</translation>
    </message>
    <message>
        <source>There is no such coupon in this sale.</source>
        <translation>本单中没有该优惠券。</translation>
    </message>
    <message>
        <source>This till has no coupons to hand out.</source>
        <translation>本收银机没有可发放的优惠券。</translation>
    </message>
    <message>
        <source>Hand out a coupon with a sale: scan a product first.</source>
        <translation>发券需随交易进行：请先扫描商品。</translation>
    </message>
    <message>
        <source>No coupons of campaign %1 are left to hand out.</source>
        <translation>活动 %1 的优惠券已发完。</translation>
    </message>
</context>
<context>
    <name>smartpos::ScanResolver</name>
    <message>
        <source>Returns are not supported yet: nothing was done with this receipt.</source>
        <translation>暂不支持退货：未对此小票做任何处理。</translation>
    </message>
    <message>
        <source>Payment code %1: mobile payment is not supported yet. Please take cash.</source>
        <translation>付款码 %1：暂不支持移动支付，请收取现金。</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n digit(s); product barcodes have 8, 12 or 13.</source>
        <translation>
            <numerusform>%1 有 %n 位数字；商品条码应为 8、12 或 13 位。</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” is not a product barcode.</source>
        <translation>“%1”不是商品条码。</translation>
    </message>
    <message>
        <source>%1 has a wrong check digit. Scan it again or type it.</source>
        <translation>%1 校验位错误，请重新扫描或手动输入。</translation>
    </message>
    <message>
        <source>No product has barcode %1. Check the code or add the product to the catalog.</source>
        <translation>找不到条码为 %1 的商品。请核对条码，或先将该商品录入商品库。</translation>
    </message>
    <message>
        <source>%1 is sold by weight: weigh it and scan the scale label.</source>
        <translation>%1 是称重商品：请先称重，再扫描电子秤标签。</translation>
    </message>
    <message>
        <source>Scale label %1 carries a weight, but %2 is sold by the piece.</source>
        <translation>电子秤标签 %1 是重量码，但 %2 按件销售。</translation>
    </message>
    <message>
        <source>Scale label %1: no product has its PLU.</source>
        <translation>秤签 %1：没有商品使用其 PLU。</translation>
    </message>
    <message>
        <source>Scale label %1 shows no weight: weigh the item again and print a new label.</source>
        <translation>秤签 %1 没有重量：请重新称重并打印新秤签。</translation>
    </message>
    <message>
        <source>Scale label %1 shows no price: weigh the item again and print a new label.</source>
        <translation>秤签 %1 没有价格：请重新称重并打印新秤签。</translation>
    </message>
    <message>
        <source>%1 has no price per kg in the catalog: fix its price before selling it.</source>
        <translation>%1 在商品目录中没有每公斤价格：请先修正价格再销售。</translation>
    </message>
    <message>
        <source>Scale label %1 carries a price, but %2 is sold by the piece: scan its own barcode. (Marked-down labels need a layout marked markdown in smartpos.ini.)</source>
        <translation>秤签 %1 带有价格，但 %2 按件销售：请扫描其自身条码。（打折秤签需要在 smartpos.ini 中把秤签格式标记为 markdown。）</translation>
    </message>
    <message>
        <source>This is a member code, not a product.</source>
        <translation>这是会员码，不是商品条码。</translation>
    </message>
    <message>
        <source>This is a coupon code, not a product.</source>
        <translation>这是优惠券码，不是商品条码。</translation>
    </message>
</context>
<context>
    <name>smartpos::SyncIndicator</name>
    <message>
        <source>never synced</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <source>last sync %1</source>
        <translation>上次同步 %1</translation>
    </message>
    <message>
        <source>Cloud: connecting…</source>
        <translation>云端：连接中…</translation>
    </message>
    <message>
        <source>all sent</source>
        <translation>已全部上传</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 条待上传</numerusform>
        </translation>
    </message>
    <message>
        <source>Cloud online</source>
        <translation>云端在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
</context>
<context>
    <name>smartpos::TillApp</name>
    <message>
        <source>The SmartPOS screens failed to load.</source>
        <translation>SmartPOS 界面加载失败。</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>无法创建 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Receipt printer not used: %1</source>
        <translation>未使用小票打印机：%1</translation>
    </message>
</context>
<context>
    <name>smartpos::devices::CameraSource</name>
    <message>
        <source>No camera found</source>
        <translation>未找到摄像头</translation>
    </message>
    <message>
        <source>Camera %1 is not connected</source>
        <translation>摄像头 %1 未连接</translation>
    </message>
    <message>
        <source>Camera %1 failed: %2</source>
        <translation>摄像头 %1 出错：%2</translation>
    </message>
</context>
<context>
    <name>smartpos::devices::PoleDisplay</name>
    <message>
        <source>There is no serial port %1: is the customer display plugged in?</source>
        <translation>没有串口 %1：客显屏是否已接好？</translation>
    </message>
    <message>
        <source>Cannot open the customer display&apos;s port %1: another program is using it, or this user may not (add the user to the dialout group, see docs/hardware.md)</source>
        <translation>无法打开客显屏的串口 %1：可能被其他程序占用，或当前用户无权限（请将用户加入 dialout 组，见 docs/hardware.md）</translation>
    </message>
    <message>
        <source>Cannot open the customer display&apos;s port %1: %2</source>
        <translation>无法打开客显屏的串口 %1：%2</translation>
    </message>
    <message>
        <source>The customer display at %1 was unplugged</source>
        <translation>%1 上的客显屏已断开</translation>
    </message>
    <message>
        <source>In “%1” encoding must be ascii or gb18030</source>
        <translation>“%1”中的 encoding 只能是 ascii 或 gb18030</translation>
    </message>
    <message>
        <source>In “%1” yen must be one printable byte like 0x9d</source>
        <translation>“%1”中的 yen 必须是一个可打印字节，如 0x9d</translation>
    </message>
    <message>
        <source>In “%1” “%2” is not a customer display option (baud, flow, encoding and yen are)</source>
        <translation>“%1”中的“%2”不是客显屏选项（可用 baud、flow、encoding 和 yen）</translation>
    </message>
</context>
<context>
    <name>smartpos::devices::SerialScanner</name>
    <message>
        <source>There is no serial port %1: is the scanner plugged in?</source>
        <translation>没有串口 %1：扫码枪是否已接好？</translation>
    </message>
    <message>
        <source>Cannot open the scanner&apos;s port %1: another program is using it, or this user may not (add the user to the dialout group, see docs/hardware.md)</source>
        <translation>无法打开扫码枪的串口 %1：可能被其他程序占用，或当前用户无权限（请将用户加入 dialout 组，见 docs/hardware.md）</translation>
    </message>
    <message>
        <source>Cannot open the scanner&apos;s port %1: %2</source>
        <translation>无法打开扫码枪的串口 %1：%2</translation>
    </message>
    <message>
        <source>The scanner at %1 was unplugged</source>
        <translation>%1 上的扫码枪已断开</translation>
    </message>
    <message>
        <source>In “%1” “%2” is not a scanner option (baud, flow and terminator are)</source>
        <translation>“%1”中的“%2”不是扫码枪选项（可用 baud、flow 和 terminator）</translation>
    </message>
    <message>
        <source>In “%1” terminator must be crlf, cr, lf, tab, none or one byte like 0x03</source>
        <translation>“%1”中的 terminator 只能是 crlf、cr、lf、tab、none 或一个字节（如 0x03）</translation>
    </message>
    <message>
        <source>A scan longer than %1 bytes was ignored: scan the code again</source>
        <translation>扫码内容超过 %1 字节，已忽略：请重新扫码</translation>
    </message>
    <message>
        <source>A scan with control characters was ignored: check the scanner&apos;s terminator (%1)</source>
        <translation>扫码内容含控制字符，已忽略：请检查扫码枪的结束符设置（%1）</translation>
    </message>
    <message>
        <source>A scan that is not UTF-8 text was ignored: set the scanner to send UTF-8</source>
        <translation>扫码内容不是 UTF-8 文本，已忽略：请将扫码枪设为 UTF-8 输出</translation>
    </message>
</context>
<context>
    <name>smartpos::escpos</name>
    <message>
        <source>The logo %1 cannot be read: %2</source>
        <translation>无法读取标志图片 %1：%2</translation>
    </message>
</context>
<context>
    <name>smartpos::sync</name>
    <message>
        <source>The cloud sent a change of %1 %2 that is not valid (%3); nothing of it was applied.</source>
        <translation>云端发来的 %1 %2 变更无效（%3），未应用其中任何内容。</translation>
    </message>
    <message>
        <source>The answer is not a valid SmartPOS message (%1).</source>
        <translation>回复不是有效的 SmartPOS 消息（%1）。</translation>
    </message>
    <message>
        <source>an unexpected answer: “%1”</source>
        <translation>意外的回复：“%1”</translation>
    </message>
</context>
<context>
    <name>smartpos::sync::SyncClient</name>
    <message>
        <source>The server at %1 is not the cloud this till enrolled with (another certificate); nothing was sent. Call your manager.</source>
        <translation>%1 处的服务器不是本收银机注册的云端（证书不同），未上传任何数据。请联系店长。</translation>
    </message>
    <message>
        <source>The cloud cannot be reached (%1).</source>
        <translation>无法连接云端（%1）。</translation>
    </message>
    <message>
        <source>The cloud refuses this till until a manager looks at it: %1</source>
        <translation>云端拒绝本收银机，需店长处理：%1</translation>
    </message>
    <message>
        <source>The cloud does not accept this till&apos;s requests: %1</source>
        <translation>云端不接受本收银机的请求：%1</translation>
    </message>
    <message>
        <source>The cloud answered %1: %2</source>
        <translation>云端返回 %1：%2</translation>
    </message>
    <message>
        <source>The cloud refused this till&apos;s sales: %1. Call your manager.</source>
        <translation>云端拒收本收银机的交易：%1。请联系店长。</translation>
    </message>
    <message>
        <source>The cloud answered without taking any sale; trying again later.</source>
        <translation>云端已回复但未接收任何交易，稍后重试。</translation>
    </message>
</context>
<context>
    <name>smartpos::sync::SyncConfig</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is damaged; enrol the till again (smartpos-admin enroll --force).</source>
        <translation>%1 已损坏，请重新注册收银机（smartpos-admin enroll --force）。</translation>
    </message>
    <message>
        <source>Cannot make the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
</TS>
